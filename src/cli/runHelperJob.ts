import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { type HelperCall, type HelperClient, startHelper } from '../core/privileged/helperClient';
import { helperCommand } from '../core/privileged/helperCommand';
import type { DriveProgress, JobResult } from '../shared/flash';

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

/**
 * Starts the privileged helper (pkexec unless already root), runs one job, and always closes the
 * helper. Ctrl-C cancels the job through the helper instead of killing it mid-write.
 */
export async function runHelperJob(
  request: HelperCall & { method: 'flash' | 'verify' },
  onProgress: (progress: DriveProgress) => void,
): Promise<JobResult> {
  const helper: HelperClient = await startCliHelper();
  const jobId = request.params.jobId;
  const cancel = () => void helper.call({ method: 'cancel', params: { jobId } }).catch(() => {});
  process.on('SIGINT', cancel);
  helper.onProgress(onProgress);
  try {
    return await helper.call(request);
  } finally {
    process.off('SIGINT', cancel);
    await helper.close();
  }
}
