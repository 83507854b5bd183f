import { z } from 'zod';
import { buildErrorsWords } from '../i18n/words/buildErrors';

/**
 * Stable codes for everything that can stop a build. The first group is found by Bootstick's
 * own checks before bib runs; the rest are read from bib's output and exit status (see
 * core/diskImages/bibOutput/classifyBibFailure.ts for which text maps to which code).
 */
export const BuildErrorCodeSchema = z.enum([
  // Preflight: found before any container runs.
  'podmanMissing',
  'podmanNotRootful',
  'sourceImageMissing',
  'bibImageMissing',
  'notEnoughSpace',
  'outputNotWritable',
  // bib refused to start or stopped, in its own words.
  'notRootful',
  'notPrivileged',
  'storageNotMounted',
  'imageNotPulled',
  'notBootcImage',
  'noSpaceLeft',
  'selinuxSetfiles',
  'unknownFlag',
  'unsupportedImageType',
  'configRejected',
  /** A kickstart of the person's own next to users, groups, unattended or sudo settings. */
  'kickstartConflict',
  /** bootc-installer without the OS image it installs (--installer-payload-ref). */
  'installerPayloadMissing',
  /** The source image is for another architecture than the one asked for. */
  'archMismatch',
  /** --chown asked, but the output folder does not allow changing owners (a network or FAT folder). */
  'chownNotAllowed',
  'missingRootfs',
  'osbuildFailed',
  /** bib stopped with an error none of the codes above describes; its own text is the detail. */
  'bibFailed',
  // The container, not bib.
  'podmanFailed',
  'killed',
  'cancelled',
  /** The privileged helper could not be started (password prompt refused, no polkit). */
  'elevation',
  /** A defect in Bootstick itself. */
  'internal',
]);
export type BuildErrorCode = z.infer<typeof BuildErrorCodeSchema>;

/** What a person sees: what went wrong, what to do, and the tool's own words as evidence. */
export const BuildErrorSchema = z.object({
  code: BuildErrorCodeSchema,
  message: z.string(),
  fix: z.string(),
  /** bib's, osbuild's or podman's own lines that show the cause; null when there are none. */
  detail: z.string().nullable(),
});
export type BuildError = z.infer<typeof BuildErrorSchema>;

/** The English of every build error (the catalogue holds the Korean beside it). */
export const BUILD_ERROR_TEXT: Readonly<Record<BuildErrorCode, { message: string; fix: string }>> =
  buildErrorsWords.en;

/** A build error with its plain-language words filled in. */
export function describeBuildError(code: BuildErrorCode, detail: string | null = null): BuildError {
  const { message, fix } = BUILD_ERROR_TEXT[code];
  return { code, message, fix, detail: detail === '' ? null : detail };
}
