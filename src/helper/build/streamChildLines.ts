import { createInterface } from 'node:readline';

type Stream = NodeJS.ReadableStream | null | undefined;

/** Calls onLine for every line a child writes, per stream, until both streams close. */
export async function streamChildLines(
  child: { stdout?: Stream; stderr?: Stream },
  onLine: (stream: 'stdout' | 'stderr', line: string) => void,
): Promise<void> {
  const follow = (stream: Stream, name: 'stdout' | 'stderr') =>
    new Promise<void>((resolve) => {
      if (!stream) return resolve();
      const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
      lines.on('line', (line) => onLine(name, line));
      lines.on('close', resolve);
    });
  await Promise.all([follow(child.stdout, 'stdout'), follow(child.stderr, 'stderr')]);
}
