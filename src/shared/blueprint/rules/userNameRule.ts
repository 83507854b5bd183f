import { error, quote, warning } from '../problem';
import type { BlueprintRule } from '../validationContext';
import { describeBadAccountName } from './accountName';

/** User names as osbuild will accept them, and no two users with the same name. */
export const userNameRule: BlueprintRule = (blueprint) => {
  const users = blueprint.customizations?.user ?? [];
  const seen = new Set<string>();
  return users.flatMap((user, index) => {
    const path = ['customizations', 'user', index, 'name'];
    const bad = describeBadAccountName(user.name, 'User');
    if (bad) return [error(path, bad)];
    const problems = [];
    if (seen.has(user.name)) {
      // osbuild keys users by name: the last entry silently replaces the earlier ones.
      problems.push(
        error(path, `There are two users named ${quote(user.name)}; bib would keep only the last one.`),
      );
    }
    if (/^[0-9]+$/.test(user.name)) {
      problems.push(
        warning(
          path,
          `User name ${quote(user.name)} is only digits; many tools would take it for a user ID.`,
        ),
      );
    }
    seen.add(user.name);
    return problems;
  });
};
