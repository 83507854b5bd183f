import { z } from 'zod';
import { UpdatesFromSchema } from '../updates/updateSource';
import { ImageRefSchema } from './bibRun';
import { BuildErrorSchema } from './buildErrors';
import { ImageTypeSchema, NOT_OFFERED_TYPE_MESSAGE, RootFsSchema, TargetArchSchema } from './imageTypes';

/** What a person (the Build step, or `bootstick build`) asks for. */
export const BuildRequestSchema = z
  .object({
    sourceImage: ImageRefSchema,
    type: ImageTypeSchema.refine((type) => type !== 'bootc-installer', NOT_OFFERED_TYPE_MESSAGE),
    rootfs: RootFsSchema.optional(),
    targetArch: TargetArchSchema.optional(),
    /** The blueprint as bib reads it; passwords are hashed before it goes anywhere. */
    config: z.record(z.string(), z.unknown()),
    /** Overrides the bib image setting for this build. */
    bibImage: ImageRefSchema.optional(),
    /** Overrides the output folder setting: each build gets a new folder inside it. */
    outputRoot: z.string().startsWith('/').optional(),
    /** Exactly this folder (created if missing, must be empty) instead of a new one in outputRoot. */
    outputDir: z.string().startsWith('/').optional(),
    /** Pull a missing source or bib image instead of stopping at the preflight. */
    pullMissing: z.boolean().default(false),
    /**
     * The registry reference the installed system updates from: the source is tagged with it in
     * root's storage and built from that name (bib passes the name on; it has no option of its own).
     */
    updatesFrom: UpdatesFromSchema.optional(),
  })
  .strict();
export type BuildRequest = z.input<typeof BuildRequestSchema>;
export type ParsedBuildRequest = z.output<typeof BuildRequestSchema>;

/** One preflight check, shown as a checklist line with a fix when it fails. */
export const PreflightCheckSchema = z.object({
  id: z.enum([
    'podman',
    'rootful',
    'sourceImage',
    'sourceIsBootc',
    'bibImage',
    'outputWritable',
    'freeSpace',
    'sourceArch',
    'storeSpace',
  ]),
  ok: z.boolean(),
  message: z.string(),
  fix: z.string().nullable(),
  /**
   * The catalogue keys (under `preflight.`) and values `message` and `fix` were made from, so
   * the renderer can say them in the person's language. Absent in records older than this field.
   */
  words: z
    .object({
      message: z.string(),
      fix: z.string().nullable(),
      values: z.record(z.string(), z.union([z.string(), z.number()])),
    })
    .optional(),
});
export type PreflightCheck = z.infer<typeof PreflightCheckSchema>;

export const BuildOutcomeSchema = z.enum(['succeeded', 'failed', 'cancelled', 'cached']);

/** Every build leaves one of these in the history, whatever its outcome. */
export const BuildRecordSchema = z.object({
  id: z.string(),
  request: z.object({
    sourceImage: z.string(),
    type: ImageTypeSchema,
    rootfs: RootFsSchema.nullable(),
    targetArch: TargetArchSchema.nullable(),
    bibImage: z.string(),
  }),
  /** Digests the build actually used (the cache key is made of these and the config hash). */
  sourceDigest: z.string().nullable(),
  bibDigest: z.string().nullable(),
  configSha256: z.string(),
  cacheKey: z.string().nullable(),
  startedAt: z.string(),
  endedAt: z.string(),
  /** From "build" to podman starting the bib container, ms (null when no container ran). */
  containerStartMs: z.number().nullable(),
  outcome: BuildOutcomeSchema,
  error: BuildErrorSchema.nullable(),
  preflight: z.array(PreflightCheckSchema),
  outputDir: z.string().nullable(),
  /** The image to flash (or use): bib's artifact, absolute path. */
  artifact: z.string().nullable(),
  artifactBytes: z.number().nullable(),
  /** The build log, saved beside the record. */
  logFile: z.string().nullable(),
  warnings: z.array(z.string()),
});
export type BuildRecord = z.infer<typeof BuildRecordSchema>;

/**
 * A build as the History tool lists it: its record, and whether the file it made is still there
 * (so its image is offered to boot-test only while it exists).
 */
export const BuildHistoryEntrySchema = BuildRecordSchema.extend({ artifactPresent: z.boolean() });
export type BuildHistoryEntry = z.infer<typeof BuildHistoryEntrySchema>;
