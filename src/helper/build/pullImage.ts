import { execa } from 'execa';
import type { BuildLogLine } from '../../shared/build/bibRun';
import type { JobRegistry } from '../jobRegistry';
import { streamChildLines } from './streamChildLines';

/** `podman pull` into root's storage, its progress lines streamed; cancellable. */
export async function pullImage(
  jobId: string,
  ref: string,
  registry: JobRegistry,
  emitLine: (line: BuildLogLine) => void,
): Promise<{ ok: boolean; cancelled: boolean; tail: string[] }> {
  const child = execa('podman', ['pull', ref], { reject: false, buffer: false, stdin: 'ignore' });
  let cancelled = false;
  const cancel = () => {
    cancelled = true;
    child.kill('SIGTERM');
  };
  registry.add(jobId, new Map([['pull', { cancel }]]));
  const tail: string[] = [];
  try {
    const [result] = await Promise.all([
      child,
      streamChildLines(child, (stream, line) => {
        tail.push(line);
        if (tail.length > 20) tail.shift();
        emitLine({ jobId, stream, line });
      }),
    ]);
    return { ok: result.exitCode === 0 && !cancelled, cancelled, tail };
  } finally {
    registry.remove(jobId);
  }
}
