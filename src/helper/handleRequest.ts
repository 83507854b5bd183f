import { z } from 'zod';
import { gatherDriveFacts } from '../main/drives/gatherDriveFacts';
import type { BuildLogLine } from '../shared/build/bibRun';
import { toDriveView } from '../shared/drives/toDriveView';
import type { DriveProgress } from '../shared/flash';
import { type HelperEvent, HelperRequestSchema, type HelperResponse } from '../shared/helperProtocol';
import { DEFAULT_LARGE_DRIVE_THRESHOLD_BYTES } from '../shared/settings';
import { BuildContextRefused } from './build/checkBuildContext';
import { OutputDirRefused } from './build/checkBuildOutputDir';
import { podmanBuild } from './build/podmanBuild';
import { bibBuildHelp, inspectImage, listImages, podmanStatus } from './build/podmanQueries';
import { pullImage } from './build/pullImage';
import { runBib } from './build/runBib';
import { RefusedError, runFlashJob } from './flash/runFlashJob';
import type { JobRegistry } from './jobRegistry';
import { runVerifyJob } from './verify/runVerifyJob';

function requestId(json: unknown): number | null {
  const id = (json as { id?: unknown } | null)?.id;
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : null;
}

function failure(id: number | null, error: unknown): HelperResponse {
  if (error instanceof RefusedError) {
    return { id, ok: false, error: { code: 'refused', message: error.message, refusals: error.refusals } };
  }
  if (error instanceof OutputDirRefused || error instanceof BuildContextRefused) {
    return { id, ok: false, error: { code: 'refused', message: error.message } };
  }
  return {
    id,
    ok: false,
    error: { code: 'internal', message: error instanceof Error ? error.message : String(error) },
  };
}

/**
 * Answers one line of input. Trusts nothing: a line that is not JSON, or not exactly one of the
 * known requests, is refused with a reason and nothing else happens.
 */
export async function handleRequestLine(
  line: string,
  registry: JobRegistry,
  emit: (event: HelperEvent) => void,
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
  const progress = (event: DriveProgress) => emit({ event: 'progress', progress: event });
  const log = (line: BuildLogLine) => emit({ event: 'buildLog', log: line });
  try {
    switch (request.method) {
      case 'hello':
        return {
          id: request.id,
          ok: true,
          result: { protocol: 1, uid: process.getuid?.() ?? -1, pid: process.pid },
        };
      case 'listDrives': {
        // The helper enumerates for itself: it never takes a drive list from its caller.
        const facts = await gatherDriveFacts({ includeVirtual: request.params.includeVirtual });
        const context = { image: null, largeDriveThresholdBytes: DEFAULT_LARGE_DRIVE_THRESHOLD_BYTES };
        return { id: request.id, ok: true, result: facts.map((drive) => toDriveView(drive, context)) };
      }
      case 'flash':
        if (registry.has(request.params.jobId))
          throw new Error(`Job ${request.params.jobId} is already running.`);
        return { id: request.id, ok: true, result: await runFlashJob(request.params, progress, registry) };
      case 'verify':
        if (registry.has(request.params.jobId))
          throw new Error(`Job ${request.params.jobId} is already running.`);
        return { id: request.id, ok: true, result: await runVerifyJob(request.params, progress, registry) };
      case 'podmanStatus':
        return { id: request.id, ok: true, result: await podmanStatus() };
      case 'listImages':
        return { id: request.id, ok: true, result: await listImages() };
      case 'inspectImage':
        return { id: request.id, ok: true, result: await inspectImage(request.params.ref) };
      case 'bibHelp':
        return { id: request.id, ok: true, result: await bibBuildHelp(request.params.bibImage) };
      case 'pullImage':
        if (registry.has(request.params.jobId))
          throw new Error(`Job ${request.params.jobId} is already running.`);
        return {
          id: request.id,
          ok: true,
          result: await pullImage(request.params.jobId, request.params.ref, registry, log),
        };
      case 'runBib':
        if (registry.has(request.params.jobId))
          throw new Error(`Job ${request.params.jobId} is already running.`);
        return { id: request.id, ok: true, result: await runBib(request.params, registry, log) };
      case 'podmanBuild':
        if (registry.has(request.params.jobId))
          throw new Error(`Job ${request.params.jobId} is already running.`);
        return { id: request.id, ok: true, result: await podmanBuild(request.params, registry, log) };
      case 'cancel':
        return {
          id: request.id,
          ok: true,
          result: { cancelled: registry.cancel(request.params.jobId, request.params.drive) },
        };
    }
  } catch (error) {
    return failure(request.id, error);
  }
}
