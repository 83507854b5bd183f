import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { type HelperCall, type HelperClient, startHelper } from '../core/privileged/helperClient';
import { helperCommand } from '../core/privileged/helperCommand';
import type { HelperResult } from '../shared/helperProtocol';

export const newJobId = () => `job-${randomBytes(6).toString('hex')}`;

/** Starts the privileged helper from the CLI bundle: pkexec unless already root. */
export function startCliHelper(): Promise<HelperClient> {
  return startHelper(
    helperCommand({
      uid: process.getuid?.() ?? 0,
      execPath: process.execPath,
      helperPath: join(import.meta.dirname, 'helper.js'),
      electron: false,
    }),
  );
}

/** The helper's jobs the CLI runs one at a time. */
type CliJob = HelperCall & { method: 'flash' | 'verify' | 'bootTestDrive' };

/**
 * Starts the privileged helper (pkexec unless already root), runs one job, and always closes the
 * helper. Ctrl-C (or a SIGTERM) cancels the job through the helper instead of killing it midway,
 * so the helper ends the job its own way (a drive closed, QEMU stopped, a read-only flag put back).
 * `listen` subscribes to what the job streams (progress, a console).
 */
export async function runHelperJob<C extends CliJob>(
  request: C,
  listen: (helper: HelperClient) => void,
): Promise<HelperResult<C['method']>> {
  const helper: HelperClient = await startCliHelper();
  const jobId = request.params.jobId;
  const cancel = () => void helper.call({ method: 'cancel', params: { jobId } }).catch(() => {});
  process.on('SIGINT', cancel);
  process.on('SIGTERM', cancel);
  listen(helper);
  try {
    return await helper.call(request);
  } finally {
    process.off('SIGINT', cancel);
    process.off('SIGTERM', cancel);
    await helper.close();
  }
}
