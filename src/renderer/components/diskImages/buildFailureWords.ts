import type { BuildRecord } from '../../../shared/diskImages/buildRecord';
import { describeBuildError } from '../../../shared/i18n/describeJobError';
import { describePreflightCheck } from '../../../shared/i18n/describePreflightCheck';
import type { Translate } from '../../../shared/i18n/describeReason';

/**
 * Why a build failed and what to do, in the person's language. A failure found by preflight is
 * said in the failed check's own words (they name the image or folder); any other by its code.
 */
export function buildFailureWords(
  record: BuildRecord,
  translate: Translate,
): { message: string; fix: string } {
  const error = record.error;
  if (!error) return { message: '', fix: '' };
  const failedCheck = record.preflight.find((check) => !check.ok);
  const general = describeBuildError(error, translate);
  if (failedCheck?.words) {
    const words = describePreflightCheck(failedCheck, translate);
    return { message: words.message, fix: words.fix ?? general.fix };
  }
  return general;
}
