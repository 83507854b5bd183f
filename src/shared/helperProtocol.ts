import { z } from 'zod';
import { ImageBuildRequestSchema, ImageBuildResultSchema } from './containerImages/containerfileBuild';
import { LocalImagesSchema } from './containerImages/localImages';
import {
  BibRunRequestSchema,
  BibRunResultSchema,
  BuildLogLineSchema,
  ImageFactsSchema,
  ImageRefSchema,
  PodmanStatusSchema,
} from './diskImages/bibRun';
import { TargetArchSchema } from './diskImages/imageTypes';
import {
  BootConsoleChunkSchema,
  DriveBootTestRequestSchema,
  DriveBootTestResultSchema,
} from './driveBootTest';
import { DriveViewSchema } from './drives/driveView';
import {
  DriveProgressSchema,
  FlashRequestSchema,
  JobResultSchema,
  RefusalSchema,
  VerifyRequestSchema,
} from './flash';
import { EjectDrivesRequestSchema, EjectDrivesResultSchema } from './station/ejectDrives';
import { LocalImageRawSchema } from './updates/localImageRaw';
import { PushRequestSchema, PushResultSchema } from './updates/pushImage';
import { TagForUpdatesRequestSchema } from './updates/updateSource';

/**
 * The privileged helper's protocol: one JSON object per line on its stdin (requests) and its
 * stdout (responses and progress events). Every method is declared once, here, with what it takes,
 * what it answers and whether it is a job (claimed under its `jobId`, cancellable): the helper
 * validates every request and dispatches from this table, the client checks every answer against
 * it. The helper never runs anything a request names, it only reads typed fields.
 */
const none = z.object({}).strict().default({});
const jobId = z.string().regex(/^[a-z0-9-]{1,64}$/);

export const HelloResultSchema = z.object({
  protocol: z.literal(1),
  uid: z.number().int(),
  pid: z.number().int(),
});
export const PullResultSchema = z.object({
  ok: z.boolean(),
  cancelled: z.boolean(),
  tail: z.array(z.string()),
});

export const HELPER_METHODS = {
  hello: { params: none, result: HelloResultSchema, job: false },
  /** The helper enumerates drives itself; it never takes a drive list from its caller. */
  listDrives: {
    params: z.object({ includeVirtual: z.boolean() }).strict(),
    result: z.array(DriveViewSchema),
    job: false,
  },
  flash: { params: FlashRequestSchema, result: JobResultSchema, job: true },
  /** Powers off drives this helper wrote that are still the same medium ("eject all"). */
  ejectDrives: { params: EjectDrivesRequestSchema, result: EjectDrivesResultSchema, job: false },
  verify: { params: VerifyRequestSchema, result: JobResultSchema, job: true },
  /** Boots a flashed drive in QEMU through a throw-away overlay; the drive is never written. */
  bootTestDrive: { params: DriveBootTestRequestSchema, result: DriveBootTestResultSchema, job: true },
  podmanStatus: { params: none, result: PodmanStatusSchema, job: false },
  /** The named images in root's storage (`podman images`); takes nothing from the caller. */
  listImages: { params: none, result: LocalImagesSchema, job: false },
  inspectContainerImage: {
    params: z.object({ ref: ImageRefSchema }).strict(),
    result: ImageFactsSchema,
    job: false,
  },
  /** What a builder image root allows says its `build --help` is (flag detection). */
  bibHelp: { params: z.object({ bibImage: ImageRefSchema }).strict(), result: z.string(), job: false },
  /** `podman pull`; `arch` pulls the image for that architecture (a build for another one). */
  pullImage: {
    params: z.object({ jobId, ref: ImageRefSchema, arch: TargetArchSchema.optional() }).strict(),
    result: PullResultSchema,
    job: true,
  },
  runBib: { params: BibRunRequestSchema, result: BibRunResultSchema, job: true },
  /** `podman build` of a Containerfile into root's storage; argv built by the helper. */
  podmanBuild: { params: ImageBuildRequestSchema, result: ImageBuildResultSchema, job: true },
  /** The manifest and config of an image in root's storage (skopeo), for "what hosts will download". */
  readLocalImage: {
    params: z.object({ ref: ImageRefSchema }).strict(),
    result: LocalImageRawSchema,
    job: false,
  },
  /** `podman push` of a version, then the moving tag pointed at exactly what was pushed. */
  pushImage: { params: PushRequestSchema, result: PushResultSchema, job: true },
  /** Tags an image in root's storage with its "updates from" name before bib runs. */
  tagForUpdates: { params: TagForUpdatesRequestSchema, result: z.object({ tagged: z.string() }), job: false },
  cancel: {
    params: z.object({ jobId: z.string(), drive: z.string().optional() }).strict(),
    result: z.object({ cancelled: z.array(z.string()) }),
    job: false,
  },
} as const;

type Methods = typeof HELPER_METHODS;
export type HelperMethod = keyof Methods;
export type HelperParams<M extends HelperMethod> = z.input<Methods[M]['params']>;
export type HelperResult<M extends HelperMethod> = z.output<Methods[M]['result']>;
/** Methods that take nothing; a caller may leave their params out. */
type NoParams = 'hello' | 'podmanStatus' | 'listImages';
/** What a caller sends (the id is the client's). */
export type HelperCall = {
  [M in HelperMethod]: M extends NoParams
    ? { method: M; params?: HelperParams<M> }
    : { method: M; params: HelperParams<M> };
}[HelperMethod];

const id = z.number().int().nonnegative();

/** Every request the helper takes, as one schema built from the table. */
export const HelperRequestSchema = z.discriminatedUnion(
  'method',
  Object.entries(HELPER_METHODS).map(([method, { params }]) =>
    z.object({ id, method: z.literal(method), params }).strict(),
  ) as unknown as [z.ZodObject<{ id: typeof id; method: z.ZodLiteral<HelperMethod>; params: z.ZodType }>],
);
/** A request as the helper holds it once validated. */
export type HelperRequest = {
  [M in HelperMethod]: { id: number; method: M; params: z.output<Methods[M]['params']> };
}[HelperMethod];

export const HelperErrorSchema = z.object({
  /** badRequest (malformed), refused (safety: nothing written), or internal. */
  code: z.enum(['badRequest', 'refused', 'internal']),
  message: z.string(),
  refusals: z.array(RefusalSchema).optional(),
});
export type HelperError = z.infer<typeof HelperErrorSchema>;

export const HelperResponseSchema = z.union([
  z.object({ id: z.number().int(), ok: z.literal(true), result: z.unknown() }),
  /** id is null when the request was too broken to carry one. */
  z.object({ id: z.number().int().nullable(), ok: z.literal(false), error: HelperErrorSchema }),
]);
export type HelperResponse = z.infer<typeof HelperResponseSchema>;

export const HelperEventSchema = z.discriminatedUnion('event', [
  z.object({ event: z.literal('progress'), progress: DriveProgressSchema }),
  /** One line of a podman child's output (a pull or a bib run), as it is printed. */
  z.object({ event: z.literal('buildLog'), log: BuildLogLineSchema }),
  /** A piece of a drive boot test's serial console, as QEMU printed it. */
  z.object({ event: z.literal('bootConsole'), console: BootConsoleChunkSchema }),
]);
export type HelperEvent = z.infer<typeof HelperEventSchema>;

export { JobResultSchema };
