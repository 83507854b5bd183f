import { z } from 'zod';
import { TargetArchSchema } from '../diskImages/imageTypes';
import { PushRequestSchema } from './pushImage';
import { UpdateDiffSchema } from './updateDiff';

/**
 * The Update tool's calls, for the contract (src/shared/api.ts) to declare: comparing two versions
 * (what hosts will download) and publishing one (a push job with progress, log and an end).
 */

/** Either side as the person wrote it: a registry reference, a digest reference, a local name. */
const sideText = z.string().max(1100);

export const CompareUpdateInputSchema = z.strictObject({
  from: sideText,
  to: sideText,
  /** The registry is a local one without TLS verification (the person ticked it). */
  insecure: z.boolean(),
  /** The hosts' architecture, for a multi-architecture index; default: the new version's own. */
  architecture: TargetArchSchema.optional(),
});

/** Why a side could not be read, as a key of the `updates` words (the same reasons the CLI says). */
export const CompareRefusalSchema = z.enum([
  'badReference',
  'notFound',
  'unreachable',
  'tls',
  'unauthorized',
  'other',
  'noArchitecture',
]);
export type CompareRefusal = z.infer<typeof CompareRefusalSchema>;

/** The diff, or the reason in words-to-be: a missing image is an answer, not a crash. */
export const CompareUpdateOutputSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), diff: UpdateDiffSchema }),
  z.object({
    ok: z.literal(false),
    reason: CompareRefusalSchema,
    values: z.object({ ref: z.string(), detail: z.string().optional(), arch: z.string().optional() }),
  }),
]);
export type CompareUpdateOutput = z.infer<typeof CompareUpdateOutputSchema>;

/** The push as the renderer asks for it; main adds the job id and finds the person's auth file. */
export const StartPushInputSchema = PushRequestSchema.omit({ jobId: true, authFile: true });
export type StartPushInput = z.infer<typeof StartPushInputSchema>;

/** Where a push is: layers sent (podman names each blob as it starts it), then the moving tag. */
export const PushProgressSchema = z.object({
  step: z.enum(['starting', 'layers', 'manifest', 'movingTag']),
  layersStarted: z.number().int().nonnegative(),
  /** The image's layer count in root's storage; null when it could not be read first. */
  layersTotal: z.number().int().nonnegative().nullable(),
});
export type PushProgress = z.infer<typeof PushProgressSchema>;
