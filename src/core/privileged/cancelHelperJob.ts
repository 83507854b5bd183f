import type { HelperClient } from './helperClient';

const CANCEL_RETRY_MS = 100;
const CANCEL_RETRY_FOR_MS = 10_000;

/**
 * Cancels a helper job, asking again until the helper has registered it: a job is registered
 * only once the helper has checked its request (read the auth file, checked the drive, started
 * podman), so a cancel sent earlier finds nothing. Stops when the job is cancelled, when
 * `stillRunning` says it ended, or after ten seconds.
 */
export async function cancelHelperJob(
  client: HelperClient,
  jobId: string,
  stillRunning: () => boolean,
): Promise<void> {
  const deadline = Date.now() + CANCEL_RETRY_FOR_MS;
  while (stillRunning() && Date.now() < deadline) {
    const answer = await client.call({ method: 'cancel', params: { jobId } });
    if (answer.cancelled.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, CANCEL_RETRY_MS));
  }
}
