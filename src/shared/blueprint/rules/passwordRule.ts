import { classifyPassword, isCompleteHash } from '../passwordKind';
import { type BlueprintProblem, quote } from '../problem';
import { ruleError } from '../ruleWords';
import type { BlueprintRule } from '../validationContext';

/**
 * A password osbuild would misread. The value itself never appears in a message: it may be the
 * person's real password.
 */
export const passwordRule: BlueprintRule = (blueprint) => {
  const problems: BlueprintProblem[] = [];
  (blueprint.customizations?.user ?? []).forEach((user, index) => {
    const path = ['customizations', 'user', index, 'password'];
    const password = classifyPassword(user.password);
    if (password.kind === 'unrecognisedHash') {
      problems.push(
        ruleError(path, 'password.unrecognisedHash', { name: quote(user.name), scheme: password.scheme }),
      );
    } else if (password.kind === 'hashed' && user.password && !isCompleteHash(user.password)) {
      // The helper writes only complete hashes (a cut-short one, or `$6$hunter2`, is no hash).
      problems.push(ruleError(path, 'password.incompleteHash', { name: quote(user.name) }));
    }
  });
  return problems;
};
