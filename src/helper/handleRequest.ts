import { z } from 'zod';
import { gatherDriveFacts } from '../core/drives/gatherDriveFacts';
import { toDriveView } from '../shared/drives/toDriveView';
import type { DriveProgress } from '../shared/flash';
import { HelperRequestSchema, type HelperResponse } from '../shared/helperProtocol';
import { DEFAULT_LARGE_DRIVE_THRESHOLD_BYTES } from '../shared/settings';
import { podmanBuild } from './containerImages/podmanBuild';
import { runBib } from './diskImages/runBib';
import { HelperRefusal } from './errors';
import { RefusedError, runFlashJob } from './flash/runFlashJob';
import type { JobRegistry } from './jobRegistry';
import type { Outbox } from './outbox';
import { bibBuildHelp, inspectContainerImage, listImages, podmanStatus } from './podman/podmanQueries';
import { pullImage } from './podman/pullImage';
import type { LineSink } from './podman/streamChildLines';
import { runVerifyJob } from './verify/runVerifyJob';

function requestId(json: unknown): number | null {
  const id = (json as { id?: unknown } | null)?.id;
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : null;
}

function failure(id: number | null, error: unknown): HelperResponse {
  if (error instanceof RefusedError) {
    return { id, ok: false, error: { code: 'refused', message: error.message, refusals: error.refusals } };
  }
  if (error instanceof HelperRefusal) {
    return { id, ok: false, error: { code: 'refused', message: error.message } };
  }
  return {
    id,
    ok: false,
    error: { code: 'internal', message: error instanceof Error ? error.message : String(error) },
  };
}

/** Runs a job under its id, claimed before anything else happens and released whatever the end. */
async function asJob<T>(registry: JobRegistry, jobId: string, job: () => Promise<T>): Promise<T> {
  registry.claim(jobId);
  try {
    return await job();
  } finally {
    registry.remove(jobId);
  }
}

/**
 * Answers one line of input. Trusts nothing: a line that is not JSON, or not exactly one of the
 * known requests, is refused with a reason and nothing else happens.
 */
export async function handleRequestLine(
  line: string,
  registry: JobRegistry,
  outbox: Outbox,
): Promise<HelperResponse> {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { id: null, ok: false, error: { code: 'badRequest', message: 'The request is not valid JSON.' } };
  }
  const parsed = HelperRequestSchema.safeParse(json);
  if (!parsed.success) {
    const message = `The request was refused: ${z.prettifyError(parsed.error)}`;
    return { id: requestId(json), ok: false, error: { code: 'badRequest', message } };
  }
  const request = parsed.data;
  // A drive's progress is a state: when the reader is slow only its latest is kept.
  const progress = (event: DriveProgress) =>
    outbox.sendLatest(`${event.jobId}\n${event.drive}`, { event: 'progress', progress: event });
  const sink: LineSink = {
    emit: (log) => outbox.send({ event: 'buildLog', log }),
    congested: () => outbox.congested(),
    drained: () => outbox.drained(),
  };
  const ok = (result: unknown): HelperResponse => ({ id: request.id, ok: true, result });
  try {
    switch (request.method) {
      case 'hello':
        return ok({ protocol: 1, uid: process.getuid?.() ?? -1, pid: process.pid });
      case 'listDrives': {
        // The helper enumerates for itself: it never takes a drive list from its caller.
        const facts = await gatherDriveFacts({ includeVirtual: request.params.includeVirtual });
        const context = { image: null, largeDriveThresholdBytes: DEFAULT_LARGE_DRIVE_THRESHOLD_BYTES };
        return ok(facts.map((drive) => toDriveView(drive, context)));
      }
      case 'flash':
        return ok(
          await asJob(registry, request.params.jobId, () => runFlashJob(request.params, progress, registry)),
        );
      case 'verify':
        return ok(
          await asJob(registry, request.params.jobId, () => runVerifyJob(request.params, progress, registry)),
        );
      case 'podmanStatus':
        return ok(await podmanStatus());
      case 'listImages':
        return ok(await listImages());
      case 'inspectContainerImage':
        return ok(await inspectContainerImage(request.params.ref));
      case 'bibHelp':
        return ok(await bibBuildHelp(request.params.bibImage));
      case 'pullImage': {
        const { jobId, ref } = request.params;
        return ok(await asJob(registry, jobId, () => pullImage(jobId, ref, registry, sink)));
      }
      case 'runBib':
        return ok(await asJob(registry, request.params.jobId, () => runBib(request.params, registry, sink)));
      case 'podmanBuild':
        return ok(
          await asJob(registry, request.params.jobId, () => podmanBuild(request.params, registry, sink)),
        );
      case 'cancel':
        return ok({ cancelled: registry.cancel(request.params.jobId, request.params.drive) });
    }
  } catch (error) {
    return failure(request.id, error);
  }
}
