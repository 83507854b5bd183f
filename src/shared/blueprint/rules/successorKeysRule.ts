import type { BlueprintProblem } from '../problem';
import { ruleError, ruleWarning } from '../ruleWords';
import type { BlueprintRule } from '../validationContext';

/**
 * Keys only the successor's newer osbuild/blueprint reads (image-builder-cli pins v1.31,
 * bootc-image-builder v1.26), judged by the builder that will read them:
 * - `installer.payload` (v1.29, installer_customizations.go): bib's strict decoding refuses it
 *   ("unknown field payload"); image-builder-cli takes it, but flatpaks reach only package-based
 *   installers (osbuild/images generic/images.go), never a bootc one.
 * - `disk.sector_size` (v1.28, disk_customizations.go): bib's lenient disk decoder drops it;
 *   image-builder-cli applies it and refuses one that is not a power of 2.
 * An unknown builder (the form, before a build asked it) gets warnings, not refusals.
 */
export const successorKeysRule: BlueprintRule = (blueprint, context) => {
  const problems: BlueprintProblem[] = [];
  const customizations = blueprint.customizations;
  if (customizations?.installer?.payload !== undefined) {
    const path = ['customizations', 'installer', 'payload'];
    if (context.builder === 'bootc-image-builder') problems.push(ruleError(path, 'successor.payloadRefused'));
    else
      problems.push(
        ruleWarning(path, context.builder ? 'successor.payloadUnused' : 'successor.payloadMaybeRefused'),
      );
  }
  const sectorSize = (customizations?.disk as Record<string, unknown> | undefined)?.sector_size;
  if (sectorSize !== undefined) {
    const path = ['customizations', 'disk', 'sector_size'];
    const size = Number(sectorSize);
    if (context.builder === 'bootc-image-builder')
      problems.push(ruleWarning(path, 'successor.sectorSizeIgnored'));
    else if (!Number.isInteger(size) || size <= 0 || (size & (size - 1)) !== 0) {
      problems.push(ruleError(path, 'successor.sectorSizePower', { size: String(sectorSize) }));
    }
  }
  return problems;
};
