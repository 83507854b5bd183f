import { z } from 'zod';
import { ImageRefSchema } from '../diskImages/bibRun';

const jobId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'A job id is lowercase letters, digits and dashes.');
/** A tag as the distribution spec allows it. */
export const TagSchema = z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, 'Not a tag.');

/**
 * Publish a version: push an image from root's storage to `destination` (a reference with the
 * version's tag), then point `movingTag` (e.g. `stable`) at exactly what was pushed — only once the
 * version push succeeded, so a failed or cancelled push never leaves the moving tag on a half-pushed
 * version. `authFile` is the person's own `podman login` file, which the helper reads as them.
 */
export const PushRequestSchema = z
  .object({
    jobId,
    image: ImageRefSchema,
    destination: ImageRefSchema.refine(
      (ref) => /^[^/]+[.:][^/]*\/.+:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(ref) && !ref.includes('@'),
      'The destination is a registry reference with a tag, for example registry.example.com/os:2.',
    ),
    movingTag: TagSchema.optional(),
    /** Skip TLS verification: only for a registry the person marked insecure. */
    insecure: z.boolean(),
    authFile: z.string().startsWith('/').max(4096).optional(),
  })
  .strict();
export type PushRequest = z.infer<typeof PushRequestSchema>;

export const PushFailureSchema = z.enum([
  'unknownImage',
  'authFileUnreadable',
  'unreachable',
  'tls',
  'unauthorized',
  'notFound',
  'other',
]);
export type PushFailure = z.infer<typeof PushFailureSchema>;

export const PushResultSchema = z.object({
  ok: z.boolean(),
  cancelled: z.boolean(),
  failure: PushFailureSchema.nullable(),
  /** containers/image's own last words, for the log and the details. */
  detail: z.string().nullable(),
  /** The manifest digest the registry holds for the version, once pushed. */
  digest: z.string().nullable(),
  /** The moving tag now points at `digest`. */
  movedTag: z.boolean(),
  tail: z.array(z.string()),
});
export type PushResult = z.infer<typeof PushResultSchema>;
