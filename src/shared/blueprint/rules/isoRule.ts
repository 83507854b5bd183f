import { type BlueprintProblem, quote } from '../problem';
import { ruleError, ruleWarning } from '../ruleWords';
import { type BlueprintRule, mayBeIso } from '../validationContext';

/** blueprint `validateVolumeID`: Go's `^[\w\d_-]+$`, i.e. ASCII letters, digits, "_" and "-". */
const VOLUME_ID = /^[A-Za-z0-9_-]+$/;
/** An ISO 9660 volume identifier holds at most 32 characters; longer ones get cut. */
const VOLUME_ID_MAX = 32;

/**
 * customizations.iso as each builder takes it. bib's legacy ISO path (anaconda-iso, iso) labels
 * the ISO with volume_id, checked whenever the table exists, and ignores application_id and
 * publisher (bib/cmd/bootc-image-builder/legacy_iso.go manifestForISO). The osbuild/images path
 * (bootc-installer, and every ISO type of image-builder-cli) lists no iso in supported_options_iso:
 * it warns "not supported" and ignores all of it.
 */
export const isoRule: BlueprintRule = (blueprint, context) => {
  const iso = blueprint.customizations?.iso;
  if (!iso || !mayBeIso(context)) return [];
  // bootc-installer: imageTypeSupportRule already says iso is not used for it.
  if (context.imageType === 'bootc-installer') return [];
  if (context.builder === 'image-builder-cli')
    return [ruleWarning(['customizations', 'iso'], 'iso.ignoredByImages')];
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
  for (const key of ['application_id', 'publisher'] as const) {
    if (iso[key]) problems.push(ruleWarning(['customizations', 'iso', key], 'iso.onlyVolumeId', { key }));
  }
  return problems;
};
