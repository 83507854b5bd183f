import { z } from 'zod';
import { ImageRefSchema } from '../diskImages/bibRun';
import { AppErrorShapeSchema } from '../errors';

/**
 * Building a bootc image from a Containerfile with root's `podman build` (bib only sees root's
 * container storage). The helper builds podman's argv itself from these typed fields.
 */

const jobId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'A job id is lowercase letters, digits and dashes.');

/** An absolute path podman can take as one argv element: no newline or NUL to confuse a log or a parser. */
const absolutePath = z
  .string()
  .startsWith('/', 'An absolute path is required.')
  .max(4096)
  .refine((path) => !/[\0\n\r]/.test(path), 'A path cannot contain a line break or a NUL character.');

/**
 * The name a local build gets. Only `localhost/…`: a build tagged `quay.io/fedora/fedora-bootc`
 * would silently stand in for the registry's image in every later build and pull check.
 */
export const LocalImageTagSchema = ImageRefSchema.refine(
  (ref) => ref.startsWith('localhost/') && !ref.includes('@'),
  'Name an image you build localhost/<name>:<tag> (for example localhost/my-bootc:latest), so it never hides an image from a registry.',
);

/** `ARG` names as Containerfiles write them; a value is one line, since podman reads KEY=VALUE. */
const BUILD_ARG_KEY = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
export const BuildArgValueSchema = z
  .string()
  .max(4096)
  .refine((value) => !/[\0\n\r]/.test(value), 'A build argument value must fit on one line.');
export const BuildArgsSchema = z.record(z.string(), BuildArgValueSchema).superRefine((args, context) => {
  const keys = Object.keys(args);
  if (keys.length > 64) context.addIssue({ code: 'custom', message: 'At most 64 build arguments.' });
  // Checked here rather than as the record's key schema, whose refusal names no key.
  for (const key of keys.filter((name) => !BUILD_ARG_KEY.test(name))) {
    context.addIssue({
      code: 'custom',
      path: [key],
      message: `The build argument name "${key}" is not allowed: use letters, digits and underscores, not starting with a digit.`,
    });
  }
});
export type BuildArgs = z.infer<typeof BuildArgsSchema>;

/** What main asks the helper for: one `podman build`. */
export const ImageBuildRequestSchema = z
  .object({
    jobId,
    /** The build context: an existing, real folder (not a symlink) outside the system's folders. */
    contextDir: absolutePath,
    /** The Containerfile: a regular file inside contextDir. */
    containerfile: absolutePath,
    tag: LocalImageTagSchema,
    buildArgs: BuildArgsSchema.optional(),
  })
  .strict();
export type ImageBuildRequest = z.infer<typeof ImageBuildRequestSchema>;

export const ImageBuildResultSchema = z.object({
  ok: z.boolean(),
  cancelled: z.boolean(),
  /** The built image's full id (sha256 hex), when the build succeeded. */
  imageId: z.string().nullable(),
  /** The last lines podman printed, for saying why a build failed. */
  tail: z.array(z.string()),
});
export type ImageBuildResult = z.infer<typeof ImageBuildResultSchema>;

/** The renderer's and the CLI's request: like the helper's, without a job id; the Containerfile defaults. */
export const ImageBuildInputSchema = ImageBuildRequestSchema.omit({ jobId: true, containerfile: true })
  .extend({
    /** Default: `<contextDir>/Containerfile`. */
    containerfile: absolutePath.optional(),
  })
  .strict();
export type ImageBuildInput = z.infer<typeof ImageBuildInputSchema>;

/** The end of an image build: the image, or why there is none. */
export const ImageBuildFinishedSchema = z.object({
  buildId: z.string(),
  tag: z.string(),
  ok: z.boolean(),
  cancelled: z.boolean(),
  imageId: z.string().nullable(),
  tail: z.array(z.string()),
  /** Why it never ran (refused, elevation) or could not finish; null when podman ran to its end. */
  error: AppErrorShapeSchema.nullable(),
});
export type ImageBuildFinished = z.infer<typeof ImageBuildFinishedSchema>;
