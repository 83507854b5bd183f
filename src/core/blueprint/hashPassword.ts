import { encrypt } from 'unixcrypt';
import type { Blueprint } from '../../shared/blueprint/blueprintSchema';
import { classifyPassword, isCompleteHash } from '../../shared/blueprint/passwordKind';
import { quote } from '../../shared/blueprint/problem';
import { AppError } from '../../shared/errors';

/**
 * The value to store for a password: a SHA-512 crypt hash ($6$ + 16-character random salt, the
 * same scheme osbuild uses). Hashes osbuild recognises ($6$, $5$, $2b$) pass through unchanged;
 * '' stays '' (bib locks the account). A hash osbuild does not recognise ($y$, $1$, …) is refused:
 * osbuild would hash it again and nobody could log in. The plain text never leaves this function.
 */
export function hashPassword(password: string): string {
  const kind = classifyPassword(password);
  switch (kind.kind) {
    case 'none':
    case 'locked':
      return '';
    case 'hashed':
      if (!isCompleteHash(password)) {
        throw new AppError(
          'invalidInput',
          'This password starts like a crypt hash but is not a complete one, so nobody could log in with it. ' +
            'Type the password itself, or paste the whole hash from `openssl passwd -6`.',
        );
      }
      return password;
    case 'unrecognisedHash':
      throw new AppError(
        'invalidInput',
        `This password is a ${kind.scheme} hash, which osbuild does not recognise: it would hash it again and ` +
          'nobody could log in. Type the password itself, or give a SHA-512 hash from `openssl passwd -6`.',
      );
    case 'plain':
      return encrypt(password);
  }
}

/** A copy of the blueprint in which every plain password is replaced by its hash. */
export function hashBlueprintPasswords(blueprint: Blueprint): Blueprint {
  const copy = structuredClone(blueprint);
  for (const user of copy.customizations?.user ?? []) {
    if (user.password === undefined) continue;
    try {
      user.password = hashPassword(user.password);
    } catch (error) {
      if (error instanceof AppError)
        throw new AppError(error.code, `User ${quote(user.name)}: ${error.message}`);
      throw error;
    }
  }
  return copy;
}

/**
 * Guard for every writer: true when every password in the blueprint is a complete crypt hash
 * osbuild keeps (or none, or locked). `$6$hunter2` starts like one and is plain text.
 */
export function hasOnlyHashedPasswords(blueprint: Blueprint): boolean {
  return (blueprint.customizations?.user ?? []).every((user) => {
    const kind = classifyPassword(user.password).kind;
    if (kind === 'hashed') return isCompleteHash(user.password ?? '');
    return kind === 'none' || kind === 'locked';
  });
}
