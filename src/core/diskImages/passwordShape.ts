import { verify } from 'unixcrypt';
import type { Blueprint } from '../../shared/blueprint/blueprintSchema';
import { classifyPassword } from '../../shared/blueprint/passwordKind';

/**
 * Builds are cached by their config, but a password is hashed with a fresh random salt each time,
 * so the same config file would never hit the cache. The key therefore uses the config with each
 * password replaced by whether it is set, and the entry keeps the hashes the build used; a later
 * build reuses it only when every password it carries matches those hashes (checked with crypt's
 * own verify, so no password or unsalted digest is ever stored).
 */
export function withoutPasswords(blueprint: Blueprint): Blueprint {
  const copy = structuredClone(blueprint);
  for (const user of copy.customizations?.user ?? []) {
    if (user.password !== undefined) user.password = user.password === '' ? '' : '<set>';
  }
  return copy;
}

/** user name → the hash (or '') the build wrote, for every user that had a password. */
export function passwordHashes(hashed: Blueprint): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const user of hashed.customizations?.user ?? []) {
    if (user.password !== undefined) hashes[user.name] = user.password;
  }
  return hashes;
}

/** Whether the request's passwords (plain or hashed) are the ones an earlier build used. */
export function passwordsMatch(request: Blueprint, earlier: Record<string, string>): boolean {
  const users = request.customizations?.user ?? [];
  const withPassword = users.filter((user) => user.password !== undefined);
  if (withPassword.length !== Object.keys(earlier).length) return false;
  return withPassword.every((user) => {
    const stored = earlier[user.name];
    const password = user.password ?? '';
    if (stored === undefined) return false;
    switch (classifyPassword(password).kind) {
      case 'plain':
        return stored.startsWith('$6$') || stored.startsWith('$5$') ? verify(password, stored) : false;
      default:
        return password === stored;
    }
  });
}
