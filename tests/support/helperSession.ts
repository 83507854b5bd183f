import { type HelperClient, startHelper } from '../../src/main/helper/helperClient';
import { helperCommand } from '../../src/main/helper/helperCommand';
import type { DriveProgress, JobResult } from '../../src/shared/flash';
import { BUILT } from './builtApp';

/** The built helper started the way the CLI starts it (root here, so no pkexec). */
export type TimedProgress = DriveProgress & { at: number };

export async function startTestHelper(): Promise<HelperClient & { progress: TimedProgress[] }> {
  const client = await startHelper(
    helperCommand({ uid: 0, execPath: process.execPath, helperPath: BUILT.helper, electron: false }),
  );
  const progress: TimedProgress[] = [];
  client.onProgress((event) => progress.push({ ...event, at: Date.now() }));
  return Object.assign(client, { progress });
}

let jobCounter = 0;
export const testJobId = () => `test-${process.pid}-${++jobCounter}`;

export type { JobResult };
