import { z } from 'zod';
import { PreflightCheckSchema } from './buildRecord';

/**
 * Where a build is. `manifest` covers both Bootstick's own `bib manifest` run (which lists the
 * stages ahead of time) and bib regenerating the manifest at the start of `bib build`;
 * `finishing` is everything after osbuild's last stage (exporting the image into the output
 * folder, `--chown`), which takes a while for a 10 GiB raw image.
 */
export const BuildPhaseSchema = z.enum([
  'preflight',
  'pulling',
  'manifest',
  'building',
  'finishing',
  'done',
  'failed',
  'cancelled',
]);
export type BuildPhase = z.infer<typeof BuildPhaseSchema>;

/** The osbuild stage running now, placed in the manifest's list of all stages. */
export const BuildStageSchema = z.object({
  /** 1-based position in the manifest's stage list ("stage 7 of 23"); 0 before the first one. */
  index: z.number().int().nonnegative(),
  /** Stages in the manifest, every pipeline counted; 0 when the manifest was not available. */
  total: z.number().int().nonnegative(),
  /** osbuild's stage type, e.g. `org.osbuild.bootc.install-to-filesystem`. */
  name: z.string(),
  /** The pipeline it belongs to, e.g. `build`, `image`. */
  pipeline: z.string(),
});
export type BuildStage = z.infer<typeof BuildStageSchema>;

/** One progress event of a build; it crosses IPC, so it stays small and plain. */
export const BuildProgressSchema = z.object({
  buildId: z.string().min(1),
  phase: BuildPhaseSchema,
  stage: BuildStageSchema.nullable(),
  /** Overall completion, 0..1; never decreases during one build. */
  fraction: z.number().min(0).max(1),
  /** A short line saying what is happening, in bib's or osbuild's own words. */
  message: z.string(),
  /**
   * The preflight checklist, once it has run: carried by every later event, so the person sees
   * what was checked while the build goes on, not only when it ends.
   */
  preflight: z.array(PreflightCheckSchema).optional(),
});
export type BuildProgress = z.infer<typeof BuildProgressSchema>;

/** A phase after which no further progress arrives. */
export function isFinalBuildPhase(phase: BuildPhase): boolean {
  return phase === 'done' || phase === 'failed' || phase === 'cancelled';
}
