import { type BlueprintProblem, quote } from '../problem';
import { ruleError, ruleWarning } from '../ruleWords';
import { type BlueprintRule, mayBeIso } from '../validationContext';

/** blueprint `validateVolumeID`: Go's `^[\w\d_-]+$`, i.e. ASCII letters, digits, "_" and "-". */
const VOLUME_ID = /^[A-Za-z0-9_-]+$/;
/** An ISO 9660 volume identifier holds at most 32 characters; longer ones get cut. */
const VOLUME_ID_MAX = 32;

export const isoRule: BlueprintRule = (blueprint, context) => {
  const iso = blueprint.customizations?.iso;
  if (!iso || !mayBeIso(context)) return [];
  const path = ['customizations', 'iso', 'volume_id'];
  const volumeId = iso.volume_id ?? '';
  const problems: BlueprintProblem[] = [];
  if (volumeId === '') {
    // bib checks the label whenever the [customizations.iso] table exists, even if it is empty.
    problems.push(ruleError(path, 'iso.labelMissing'));
  } else if (!VOLUME_ID.test(volumeId)) {
    problems.push(ruleError(path, 'iso.labelCharacters', { label: quote(volumeId) }));
  } else if (volumeId.length > VOLUME_ID_MAX) {
    problems.push(ruleWarning(path, 'iso.labelLong', { label: quote(volumeId) }));
  }
  return problems;
};
