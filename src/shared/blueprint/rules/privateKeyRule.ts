import { looksLikePrivateKey } from '../privateKeyText';
import type { BlueprintProblem } from '../problem';
import { ruleError } from '../ruleWords';
import type { BlueprintRule } from '../validationContext';

/** A private key in a `key` field would be copied into the image for anyone to read. */
export const privateKeyRule: BlueprintRule = (blueprint) => {
  const problems: BlueprintProblem[] = [];
  const customizations = blueprint.customizations;
  (customizations?.user ?? []).forEach((user, index) => {
    if (user.key !== undefined && looksLikePrivateKey(user.key)) {
      problems.push(ruleError(['customizations', 'user', index, 'key'], 'privateKey'));
    }
  });
  (customizations?.sshkey ?? []).forEach((entry, index) => {
    if (looksLikePrivateKey(entry.key))
      problems.push(ruleError(['customizations', 'sshkey', index, 'key'], 'privateKey'));
  });
  return problems;
};
