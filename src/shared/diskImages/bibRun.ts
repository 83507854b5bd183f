import { z } from 'zod';
import { BlueprintSchema } from '../blueprint/blueprintSchema';
import { ImageTypeSchema, RootFsSchema, TargetArchSchema } from './imageTypes';

/**
 * What main may ask the privileged helper to do with podman. Every field is typed data; the
 * helper builds podman's argv itself from these and never runs a command line it is handed.
 */

/**
 * A container image reference as podman names it: `[registry/]path[:tag][@sha256:digest]` or a
 * bare image id. No spaces, no leading dash (it would read as a flag), nothing a shell would eat.
 */
export const ImageRefSchema = z
  .string()
  .min(1)
  .max(512)
  .regex(
    /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$|^[a-f0-9]{12,64}$/,
    'Not an image reference: expected something like quay.io/centos-bootc/centos-bootc:stream10.',
  );
export type ImageRef = z.infer<typeof ImageRefSchema>;

const jobId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'A job id is lowercase letters, digits and dashes.');
const absolutePath = z.string().startsWith('/', 'An absolute path is required.').max(4096);

/** A bib run: `manifest` prints the stage list, `build` writes the image into outputDir. */
export const BibRunRequestSchema = z
  .object({
    jobId,
    mode: z.enum(['manifest', 'build']),
    bibImage: ImageRefSchema,
    sourceImage: ImageRefSchema,
    type: ImageTypeSchema,
    rootfs: RootFsSchema.optional(),
    targetArch: TargetArchSchema.optional(),
    /**
     * The blueprint bib gets, in the shared model (unknown keys refused). The helper writes it to
     * a private file and refuses any user password that is not already a crypt hash.
     */
    config: BlueprintSchema,
    /** An existing, empty folder the person owns; the outputs are chowned to its owner. Build only. */
    outputDir: absolutePath.optional(),
    /** Flags this bib image accepts (from its `build --help`); optional flags it lacks are left out. */
    bibFlags: z.array(z.string().regex(/^--[a-z][a-z0-9-]*$/)).max(200),
  })
  .strict();
export type BibRunRequest = z.infer<typeof BibRunRequestSchema>;

export const BibRunResultSchema = z.object({
  exitCode: z.number().int().nullable(),
  signal: z.string().nullable(),
  cancelled: z.boolean(),
  /** The manifest JSON (manifest mode) — bib's stdout. */
  stdout: z.string(),
  /** The last lines of both streams, for classifying a failure. */
  tail: z.array(z.string()),
  containerName: z.string(),
  /** When podman started the container, and when it ended (ms since epoch). */
  startedAt: z.number(),
  endedAt: z.number(),
});
export type BibRunResult = z.infer<typeof BibRunResultSchema>;

/** Facts about podman as root sees it, for the preflight checklist. */
export const PodmanStatusSchema = z.object({
  installed: z.boolean(),
  version: z.string().nullable(),
  rootless: z.boolean().nullable(),
  graphRoot: z.string().nullable(),
  /** Why podman could not answer, in its own words. */
  problem: z.string().nullable(),
});
export type PodmanStatus = z.infer<typeof PodmanStatusSchema>;

export const ImageFactsSchema = z.object({
  present: z.boolean(),
  id: z.string().nullable(),
  /** The repo digest (`name@sha256:…`) when the image came from a registry, else the id. */
  digest: z.string().nullable(),
  labels: z.record(z.string(), z.string()),
  size: z.number().nullable(),
  architecture: z.string().nullable(),
});
export type ImageFacts = z.infer<typeof ImageFactsSchema>;

/** One line of a podman child's output, streamed while it runs. */
export const BuildLogLineSchema = z.object({
  jobId: z.string(),
  stream: z.enum(['stdout', 'stderr']),
  line: z.string(),
});
export type BuildLogLine = z.infer<typeof BuildLogLineSchema>;
