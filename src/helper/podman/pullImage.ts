import { execa } from 'execa';
import { repinPulledBuilder } from '../diskImages/builderImages';
import type { JobRegistry } from '../jobRegistry';
import { type LineSink, streamChildLines } from './streamChildLines';

/** `podman pull` into root's storage, its progress lines streamed; cancellable. */
export async function pullImage(
  jobId: string,
  ref: string,
  registry: JobRegistry,
  sink: LineSink,
  arch?: string,
): Promise<{ ok: boolean; cancelled: boolean; tail: string[] }> {
  const args = ['pull', ...(arch ? ['--arch', arch] : []), ref];
  const child = execa('podman', args, { reject: false, buffer: false, stdin: 'ignore' });
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
      streamChildLines(
        child,
        (stream, line) => {
          tail.push(line);
          if (tail.length > 20) tail.shift();
          sink.emit({ jobId, stream, line });
        },
        sink,
      ),
    ]);
    const ok = result.exitCode === 0 && !cancelled;
    // A builder pulled from its registry is the version to trust from now on.
    if (ok) await repinPulledBuilder(ref);
    return { ok, cancelled, tail };
  } finally {
    registry.remove(jobId);
  }
}
