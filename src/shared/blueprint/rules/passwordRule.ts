import { classifyPassword, isCompleteHash } from '../passwordKind';
import { type BlueprintProblem, error, quote, warning } from '../problem';
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
        error(
          path,
          `The password of user ${quote(user.name)} is a ${password.scheme} hash, which osbuild does not recognise: ` +
            'it would hash it again and nobody could log in with the real password. Type the password itself ' +
            '(Bootstick stores and writes only its SHA-512 hash), or give a SHA-512 hash from `openssl passwd -6`.',
        ),
      );
    } else if (password.kind === 'hashed' && user.password && !isCompleteHash(user.password)) {
      problems.push(
        warning(
          path,
          `The password of user ${quote(user.name)} starts like a crypt hash but is not a complete one; ` +
            'osbuild copies it as it is, so if it was cut short nobody can log in with that password.',
        ),
      );
    }
  });
  return problems;
};
