import { LineSplitter } from '../../core/diskImages/bibOutput/lineSplitter';
import type { BuildLogLine } from '../../shared/diskImages/bibRun';

/** Where a job's child output lines go: the helper's output, which may be congested. */
export interface LineSink {
  emit(line: BuildLogLine): void;
  congested(): boolean;
  drained(): Promise<void>;
}

type Stream = NodeJS.ReadableStream | null | undefined;

/** Longest line handed on whole; a longer one arrives in pieces (memory stays bounded). */
const MAX_LINE_LENGTH = 64 * 1024;

/**
 * Calls onLine for every line a child writes, per stream, until both streams close. When
 * `backpressure` says the helper's own output is full (its reader is slow or stalled), the child's
 * streams are paused until it drains: the child then blocks on its full pipe instead of the
 * helper queueing its output without bound.
 */
export async function streamChildLines(
  child: { stdout?: Stream; stderr?: Stream },
  onLine: (stream: 'stdout' | 'stderr', line: string) => void,
  backpressure?: { congested(): boolean; drained(): Promise<void> },
): Promise<void> {
  const follow = (stream: Stream, name: 'stdout' | 'stderr') =>
    new Promise<void>((resolve, reject) => {
      if (!stream) return resolve();
      const lines = new LineSplitter(MAX_LINE_LENGTH);
      stream.on('data', (chunk: Buffer | string) => {
        for (const line of lines.push(chunk)) onLine(name, line);
        if (backpressure?.congested()) {
          stream.pause();
          void backpressure.drained().then(() => stream.resume());
        }
      });
      stream.on('end', () => {
        for (const line of lines.end()) onLine(name, line);
        resolve();
      });
      stream.on('error', reject);
    });
  await Promise.all([follow(child.stdout, 'stdout'), follow(child.stderr, 'stderr')]);
}
