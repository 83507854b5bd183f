import type { BuildError } from '../diskImages/buildErrors';
import type { DriveError, DriveOutcome, Refusal } from '../flash';
import { describeReason, type Translate } from './describeReason';

/** Appends the system's own words (an errno, a decompressor's complaint) as evidence, untranslated. */
function withDetail(text: string, detail: string | undefined, translate: Translate): string {
  return detail ? translate('errors.withDetail', { text, detail }) : text;
}

/**
 * One drive's failure in the person's language. The helper's `message` is English for the CLI and
 * the audit report; the code, the offset and the detail carry everything needed to say it again.
 */
export function describeDriveError(error: DriveError, drive: string, translate: Translate): string {
  const key =
    error.code === 'verifyMismatch' && error.offset !== undefined
      ? 'errors.drive.verifyMismatchAt'
      : `errors.drive.${error.code}`;
  const offset = error.offset ?? '';
  return withDetail(translate(key, { drive, offset }), error.detail, translate);
}

/** Why the helper refused to touch a target, or the image, in the person's language. */
export function describeRefusal(refusal: Refusal, translate: Translate, locale = 'en'): string {
  const reasons = (refusal.reasons ?? [])
    .map((reason) => describeReason(reason, translate, locale))
    .join('; ');
  const text = translate(`errors.refusal.${refusal.code}`, { drive: refusal.drive ?? '', reasons });
  return withDetail(text, refusal.detail, translate);
}

/** What stopped a build and what to do, in the person's language; bib's own lines stay as they are. */
export function describeBuildError(
  error: BuildError,
  translate: Translate,
): { message: string; fix: string } {
  return {
    message: translate(`errors.build.${error.code}.message`),
    fix: translate(`errors.build.${error.code}.fix`),
  };
}

/**
 * The catalogue key of a drive's result. "Holds exactly the image" only when it is true over the
 * image's length: a sparse image whose holes were left as the drive held them says so.
 */
export function outcomeKey(outcome: Pick<DriveOutcome, 'status' | 'writeMode'>): string {
  if (outcome.status === 'verified' && outcome.writeMode === 'staleSignaturesWiped')
    return 'flash.result.verifiedData';
  return `flash.result.${outcome.status}`;
}
