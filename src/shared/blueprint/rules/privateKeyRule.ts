import { looksLikePrivateKey, PRIVATE_KEY_MESSAGE } from '../privateKeyText';
import { type BlueprintProblem, error } from '../problem';
import type { BlueprintRule } from '../validationContext';

/** A private key in a `key` field would be copied into the image for anyone to read. */
export const privateKeyRule: BlueprintRule = (blueprint) => {
  const problems: BlueprintProblem[] = [];
  const customizations = blueprint.customizations;
  (customizations?.user ?? []).forEach((user, index) => {
    if (user.key !== undefined && looksLikePrivateKey(user.key)) {
      problems.push(error(['customizations', 'user', index, 'key'], PRIVATE_KEY_MESSAGE));
    }
  });
  (customizations?.sshkey ?? []).forEach((entry, index) => {
    if (looksLikePrivateKey(entry.key))
      problems.push(error(['customizations', 'sshkey', index, 'key'], PRIVATE_KEY_MESSAGE));
  });
  return problems;
};
