import { z } from 'zod';
import { gatherDriveFacts } from '../core/drives/gatherDriveFacts';
import { toDriveView } from '../shared/drives/toDriveView';
import type { DriveProgress } from '../shared/flash';
import {
  HELPER_METHODS,
  type HelperMethod,
  type HelperRequest,
  HelperRequestSchema,
  type HelperResponse,
  type HelperResult,
} from '../shared/helperProtocol';
import { DEFAULT_LARGE_DRIVE_THRESHOLD_BYTES } from '../shared/settings';
import { createConsoleRelay } from './bootTest/consoleRelay';
import { runDriveBootTest } from './bootTest/runDriveBootTest';
import { podmanBuild } from './containerImages/podmanBuild';
import { runBib } from './diskImages/runBib';
import { HelperRefusal, RefusedError } from './errors';
import { ejectWrittenDrives } from './flash/ejectWrittenDrives';
import { runFlashJob } from './flash/runFlashJob';
import type { JobRegistry } from './jobRegistry';
import type { Outbox } from './outbox';
import { bibBuildHelp, inspectContainerImage, listImages, podmanStatus } from './podman/podmanQueries';
import { pullImage } from './podman/pullImage';
import type { LineSink } from './podman/streamChildLines';
import { pushImage } from './updates/pushImage';
import { readLocalImage } from './updates/readLocalImage';
import { tagForUpdates } from './updates/tagForUpdates';
import { runVerifyJob } from './verify/runVerifyJob';

/** What every handler gets besides its params. */
interface HandlerContext {
  registry: JobRegistry;
  progress: (event: DriveProgress) => void;
  sink: LineSink;
  outbox: Outbox;
}

type Params<M extends HelperMethod> = Extract<HelperRequest, { method: M }>['params'];
type Handlers = {
  [M in HelperMethod]: (params: Params<M>, context: HandlerContext) => Promise<HelperResult<M>>;
};

/** The helper's side of HELPER_METHODS: one handler per declared method, typed by the declaration. */
const HANDLERS: Handlers = {
  hello: async () => ({ protocol: 1, uid: process.getuid?.() ?? -1, pid: process.pid }),
  async listDrives({ includeVirtual }) {
    const facts = await gatherDriveFacts({ includeVirtual });
    const context = { image: null, largeDriveThresholdBytes: DEFAULT_LARGE_DRIVE_THRESHOLD_BYTES };
    return facts.map((drive) => toDriveView(drive, context));
  },
  flash: (params, { progress, registry }) => runFlashJob(params, progress, registry),
  ejectDrives: (params) => ejectWrittenDrives(params),
  verify: (params, { progress, registry }) => runVerifyJob(params, progress, registry),
  bootTestDrive: (params, { registry, outbox }) =>
    runDriveBootTest(
      params,
      registry,
      createConsoleRelay(params.jobId, params.drive, {
        send: (console) => outbox.send({ event: 'bootConsole', console }),
        congested: () => outbox.congested(),
      }),
    ),
  podmanStatus: () => podmanStatus(),
  listImages: () => listImages(),
  inspectContainerImage: ({ ref }) => inspectContainerImage(ref),
  bibHelp: ({ bibImage }) => bibBuildHelp(bibImage),
  pullImage: ({ jobId, ref, arch }, { registry, sink }) => pullImage(jobId, ref, registry, sink, arch),
  runBib: (params, { registry, sink }) => runBib(params, registry, sink),
  podmanBuild: (params, { registry, sink }) => podmanBuild(params, registry, sink),
  readLocalImage: ({ ref }) => readLocalImage(ref),
  pushImage: (params, { registry, sink }) => pushImage(params, registry, sink),
  tagForUpdates: ({ image, ref }) => tagForUpdates(image, ref),
  cancel: async ({ jobId, drive }, { registry }) => ({ cancelled: registry.cancel(jobId, drive) }),
};

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
 * declared requests, is refused with a reason and nothing else happens. A job (declared so) is
 * claimed under its id at once.
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
  const request = parsed.data as HelperRequest;
  const context: HandlerContext = {
    registry,
    outbox,
    // A drive's progress is a state: when the reader is slow only its latest is kept.
    progress: (event) =>
      outbox.sendLatest(`${event.jobId}\n${event.drive}`, { event: 'progress', progress: event }),
    sink: {
      emit: (log) => outbox.send({ event: 'buildLog', log }),
      congested: () => outbox.congested(),
      drained: () => outbox.drained(),
    },
  };
  const handler = HANDLERS[request.method] as (params: unknown, context: HandlerContext) => Promise<unknown>;
  const run = () => handler(request.params, context);
  try {
    const result = HELPER_METHODS[request.method].job
      ? await asJob(registry, (request.params as { jobId: string }).jobId, run)
      : await run();
    return { id: request.id, ok: true, result };
  } catch (error) {
    return failure(request.id, error);
  }
}
