import type { Blueprint } from './blueprintSchema';
import type { BlueprintProblem } from './problem';
import { filesystemSizeRule } from './rules/filesystemSizeRule';
import { groupRule } from './rules/groupRule';
import { imageTypeSupportRule } from './rules/imageTypeSupportRule';
import { installerRule } from './rules/installerRule';
import { isoRule } from './rules/isoRule';
import { kernelRule } from './rules/kernelRule';
import { kickstartPasswordRule } from './rules/kickstartPasswordRule';
import { mountpointRule } from './rules/mountpointRule';
import { passwordRule } from './rules/passwordRule';
import { privateKeyRule } from './rules/privateKeyRule';
import { rootUserRule } from './rules/rootUserRule';
import { successorKeysRule } from './rules/successorKeysRule';
import { userFieldsRule } from './rules/userFieldsRule';
import { userNameRule } from './rules/userNameRule';
import type { BlueprintRule, ValidationContext } from './validationContext';

/** In the order a person reads the form: users, groups, kernel, filesystems, installer, ISO. */
const RULES: readonly BlueprintRule[] = [
  userNameRule,
  passwordRule,
  privateKeyRule,
  userFieldsRule,
  rootUserRule,
  groupRule,
  kernelRule,
  mountpointRule,
  filesystemSizeRule,
  installerRule,
  kickstartPasswordRule,
  isoRule,
  successorKeysRule,
  imageTypeSupportRule,
];

/**
 * Everything bib (and osbuild, later in the build) would refuse or ignore in a blueprint that
 * already has the right shape (BlueprintSchema). Pure: the renderer runs it as the form changes.
 * SSH public keys are checked in main (they need a key parser): see checkBlueprint there.
 */
export function validateBlueprint(blueprint: Blueprint, context: ValidationContext = {}): BlueprintProblem[] {
  return RULES.flatMap((rule) => rule(blueprint, context));
}
