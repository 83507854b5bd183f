import type { PreflightCheck } from '../diskImages/buildRecord';
import type { Translate } from './describeReason';

/**
 * A preflight line in the person's language, from the catalogue keys main kept with it; a record
 * from before those keys existed is shown in the English it was stored with.
 */
export function describePreflightCheck(
  check: PreflightCheck,
  translate: Translate,
): { message: string; fix: string | null } {
  const words = check.words;
  if (!words) return { message: check.message, fix: check.fix };
  return {
    message: translate(`preflight.${words.message}`, words.values),
    fix: words.fix === null ? null : translate(`preflight.fix.${words.fix}`, words.values),
  };
}
