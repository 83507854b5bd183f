import { z } from 'zod';
import { ImageBuildRequestSchema } from './containerImages/containerfileBuild';
import { BibRunRequestSchema, BuildLogLineSchema, ImageRefSchema } from './diskImages/bibRun';
import { DriveViewSchema } from './drives/driveView';
import {
  DriveProgressSchema,
  FlashRequestSchema,
  JobResultSchema,
  RefusalSchema,
  VerifyRequestSchema,
} from './flash';

/**
 * The privileged helper's protocol: one JSON object per line on its stdin (requests) and its
 * stdout (responses and progress events). Every request is validated here before the helper
 * acts on it; the helper never runs anything a request names, it only reads typed fields.
 */
const id = z.number().int().nonnegative();

export const HelperRequestSchema = z.discriminatedUnion('method', [
  z.object({ id, method: z.literal('hello') }).strict(),
  z
    .object({
      id,
      method: z.literal('listDrives'),
      params: z.object({ includeVirtual: z.boolean() }).strict(),
    })
    .strict(),
  z.object({ id, method: z.literal('flash'), params: FlashRequestSchema }).strict(),
  z.object({ id, method: z.literal('verify'), params: VerifyRequestSchema }).strict(),
  z.object({ id, method: z.literal('podmanStatus') }).strict(),
  /** The named images in root's storage (`podman images`); takes nothing from the caller. */
  z.object({ id, method: z.literal('listImages') }).strict(),
  z
    .object({
      id,
      method: z.literal('inspectContainerImage'),
      params: z.object({ ref: ImageRefSchema }).strict(),
    })
    .strict(),
  z
    .object({ id, method: z.literal('bibHelp'), params: z.object({ bibImage: ImageRefSchema }).strict() })
    .strict(),
  z
    .object({
      id,
      method: z.literal('pullImage'),
      params: z.object({ jobId: z.string().regex(/^[a-z0-9-]{1,64}$/), ref: ImageRefSchema }).strict(),
    })
    .strict(),
  z.object({ id, method: z.literal('runBib'), params: BibRunRequestSchema }).strict(),
  /** `podman build` of a Containerfile into root's storage; argv built by the helper. */
  z.object({ id, method: z.literal('podmanBuild'), params: ImageBuildRequestSchema }).strict(),
  z
    .object({
      id,
      method: z.literal('cancel'),
      params: z.object({ jobId: z.string(), drive: z.string().optional() }).strict(),
    })
    .strict(),
]);
export type HelperRequest = z.infer<typeof HelperRequestSchema>;
export type HelperMethod = HelperRequest['method'];

export const HelloResultSchema = z.object({
  protocol: z.literal(1),
  uid: z.number().int(),
  pid: z.number().int(),
});
export const ListDrivesResultSchema = z.array(DriveViewSchema);
export const CancelResultSchema = z.object({ cancelled: z.array(z.string()) });

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

export const PullResultSchema = z.object({
  ok: z.boolean(),
  cancelled: z.boolean(),
  tail: z.array(z.string()),
});

export const HelperEventSchema = z.discriminatedUnion('event', [
  z.object({ event: z.literal('progress'), progress: DriveProgressSchema }),
  /** One line of a podman child's output (a pull or a bib run), as it is printed. */
  z.object({ event: z.literal('buildLog'), log: BuildLogLineSchema }),
]);
export type HelperEvent = z.infer<typeof HelperEventSchema>;

export { JobResultSchema };
