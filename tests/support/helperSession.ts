import { type HelperClient, startHelper } from '../../src/core/privileged/helperClient';
import { helperCommand } from '../../src/core/privileged/helperCommand';
import type { DriveProgress, FlashOptions, JobResult } from '../../src/shared/flash';
import { BUILT } from './builtApp';

/** The built helper started the way the CLI starts it (root here, so no pkexec). */
export type TimedProgress = DriveProgress & { at: number };

/**
 * `caller`: start it as pkexec leaves it for that uid (PKEXEC_UID set, everything else root's): the
 * helper then works for that person and reads and writes their files only with their rights.
 */
export async function startTestHelper(
  options: { caller?: number } = {},
): Promise<HelperClient & { progress: TimedProgress[] }> {
  const command = helperCommand({
    uid: 0,
    execPath: process.execPath,
    helperPath: BUILT.helper,
    electron: false,
  });
  const env =
    options.caller === undefined ? command.env : { ...command.env, PKEXEC_UID: String(options.caller) };
  const client = await startHelper({ ...command, env });
  const progress: TimedProgress[] = [];
  client.onProgress((event) => progress.push({ ...event, at: Date.now() }));
  return Object.assign(client, { progress });
}

let jobCounter = 0;
export const testJobId = () => `test-${process.pid}-${++jobCounter}`;

export type { JobResult };

/** How tests flash unless they say otherwise: verified, sparse, loop drives allowed, no eject. */
export const TEST_FLASH_OPTIONS: FlashOptions = {
  verify: true,
  full: false,
  includeVirtual: true,
  eject: false,
};

/** Asks a helper to flash `image` to `drives`; resolves with the job's result, rejects with a refusal. */
export function flashThrough(
  helper: HelperClient,
  image: string,
  drives: string[],
  options: Partial<FlashOptions> = {},
  jobId = testJobId(),
): Promise<JobResult> {
  return helper.call({
    method: 'flash',
    params: { jobId, image, drives, options: { ...TEST_FLASH_OPTIONS, ...options } },
  });
}

/** Asks a helper to compare `drive` with `image` (verify only). */
export function verifyThrough(helper: HelperClient, image: string, drive: string): Promise<JobResult> {
  return helper.call({
    method: 'verify',
    params: { jobId: testJobId(), image, drive, includeVirtual: true },
  });
}
