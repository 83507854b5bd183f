import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { type PushRequest, PushRequestSchema, type PushResult } from '../../shared/updates/pushImage';
import type { HelperClient } from '../privileged/helperClient';
import { personAuthFile } from './personAuthFile';

/** `jobId`: the app picks it up front (its call answers with it before the push ends); else a new one. */
export type PublishInput = Omit<PushRequest, 'jobId' | 'authFile'> & { authFile?: string; jobId?: string };

/**
 * Pushes a version through the helper: the request is checked here first (a bad reference never
 * starts the helper), the person's auth file is found as the person, and every podman line is
 * handed to `onLine` as it comes. `onStart` gets the job id, for a cancel.
 */
export async function publishVersion(
  input: PublishInput,
  helper: () => Promise<HelperClient>,
  onLine: (line: string) => void,
  onStart: (jobId: string) => void = () => {},
): Promise<PushResult> {
  const authFile = input.authFile ?? (await personAuthFile());
  const parsed = PushRequestSchema.safeParse({
    ...input,
    jobId: input.jobId ?? newPushJobId(),
    ...(authFile ? { authFile } : {}),
  });
  if (!parsed.success) throw new AppError('invalidInput', z.prettifyError(parsed.error));
  const client = await helper();
  onStart(parsed.data.jobId);
  const detach = client.onBuildLog((line) => {
    if (line.jobId === parsed.data.jobId) onLine(line.line);
  });
  try {
    return await client.call({ method: 'pushImage', params: parsed.data });
  } finally {
    detach();
  }
}

export function newPushJobId(): string {
  return `push-${randomBytes(6).toString('hex')}`;
}
