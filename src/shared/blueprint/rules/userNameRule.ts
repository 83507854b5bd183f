import { quote } from '../problem';
import { ruleError, ruleWarning, wordsError } from '../ruleWords';
import type { BlueprintRule } from '../validationContext';
import { describeBadAccountName } from './accountName';

/** User names as osbuild will accept them, and no two users with the same name. */
export const userNameRule: BlueprintRule = (blueprint) => {
  const users = blueprint.customizations?.user ?? [];
  const seen = new Set<string>();
  return users.flatMap((user, index) => {
    const path = ['customizations', 'user', index, 'name'];
    const bad = describeBadAccountName(user.name, 'User');
    if (bad) return [wordsError(path, bad)];
    const problems = [];
    if (seen.has(user.name)) {
      // osbuild keys users by name: the last entry silently replaces the earlier ones.
      problems.push(ruleError(path, 'userName.duplicate', { name: quote(user.name) }));
    }
    if (/^[0-9]+$/.test(user.name)) {
      problems.push(ruleWarning(path, 'userName.onlyDigits', { name: quote(user.name) }));
    }
    seen.add(user.name);
    return problems;
  });
};
