import {
  type ImageType,
  ImageTypeSchema,
  isIsoType,
  supportedCustomizations,
} from '../../diskImages/imageTypes';
import { type Blueprint, type Customizations, PACKAGE_KEYS } from '../blueprintSchema';
import type { BlueprintProblem } from '../problem';
import { ruleWarning } from '../ruleWords';
import type { BlueprintRule } from '../validationContext';

/** Disk-type keys osbuild/images supports that the form does not edit (bootc-generic imagetypes.yaml). */
const DISK_ONLY_KEPT_KEYS = ['directories', 'disk', 'files', 'ignition', 'sshd'];

function supportedKeys(type: ImageType): Set<string> {
  const keys = new Set<string>(supportedCustomizations(type));
  if (!isIsoType(type)) for (const key of DISK_ONLY_KEPT_KEYS) keys.add(key);
  // images' validator lists no `iso` for bootc-installer (only bib's legacy anaconda-iso path uses it).
  if (type === 'bootc-installer') keys.delete('iso');
  return keys;
}

/** Keys no bootc image type uses. */
const UNSUPPORTED_EVERYWHERE = (() => {
  const everySupported = new Set(ImageTypeSchema.options.flatMap((type) => [...supportedKeys(type)]));
  return (key: string) => !everySupported.has(key);
})();

/** Customizations that are set (bib counts a key once it is non-empty). */
function setKeys(customizations: Customizations): string[] {
  return Object.entries(customizations)
    .filter(([key, value]) => {
      // Every type honours kernel.append; kernel.name has its own warning (kernelRule).
      if (key === 'kernel' || value === undefined || value === '') return false;
      return !(Array.isArray(value) && value.length === 0);
    })
    .map(([key]) => key);
}

/** The warning for a key the chosen type (or, with none chosen, every bootc type) ignores. */
function unsupportedWarning(key: string, type: ImageType | undefined): BlueprintProblem {
  const kind = key === 'sshkey' ? 'imageType.sshkey' : 'imageType.unused';
  const path = ['customizations', key];
  return type
    ? ruleWarning(path, `${kind}ForType`, { key, type })
    : ruleWarning(path, `${kind}ForBootc`, { key });
}

/** Settings bib would ignore for the chosen image type: warnings, because bib builds anyway. */
export const imageTypeSupportRule: BlueprintRule = (blueprint: Blueprint, context) => {
  const problems: BlueprintProblem[] = [];
  for (const key of PACKAGE_KEYS) {
    if (blueprint[key] !== undefined) {
      problems.push(ruleWarning([key], 'imageType.packages', { key }));
    }
  }
  const customizations = blueprint.customizations;
  if (!customizations) return problems;
  const type = context.imageType;
  const unsupported = type ? (key: string) => !supportedKeys(type).has(key) : UNSUPPORTED_EVERYWHERE;
  for (const key of setKeys(customizations)) {
    if (unsupported(key)) problems.push(unsupportedWarning(key, type));
  }
  return problems;
};
