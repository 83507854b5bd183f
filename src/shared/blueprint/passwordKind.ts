/**
 * What a `password` value means to osbuild/images (`pkg/crypt` PasswordIsCrypted, used by the
 * users and kickstart stages): only values starting with $6$ (SHA-512 crypt), $5$ (SHA-256 crypt)
 * or $2b$ (bcrypt) count as hashes and are copied as they are; an empty string locks the account;
 * anything else is taken as plain text and hashed with SHA-512.
 */
export const RECOGNISED_HASH_PREFIXES = ['$6$', '$5$', '$2b$'] as const;

/**
 * Hashes osbuild does NOT recognise. osbuild would hash such a value again, so the account's
 * password would be the hash text itself and nobody could log in. Many are what today's
 * `mkpasswd`/`passwd` produce by default (yescrypt), which is why they are worth catching.
 */
const UNRECOGNISED_HASHES: ReadonlyArray<readonly [prefix: string, scheme: string]> = [
  ['$y$', 'yescrypt'],
  ['$gy$', 'gost-yescrypt'],
  ['$7$', 'scrypt'],
  ['$1$', 'MD5-crypt'],
  ['$2a$', 'bcrypt ($2a$)'],
  ['$2y$', 'bcrypt ($2y$)'],
  ['$2x$', 'bcrypt ($2x$)'],
  ['$3$', 'NT-hash'],
  ['$md5', 'Sun MD5'],
  ['$sha1$', 'SHA-1-crypt'],
];

export type PasswordKind =
  | { kind: 'none' }
  | { kind: 'locked' }
  | { kind: 'hashed' }
  | { kind: 'unrecognisedHash'; scheme: string }
  | { kind: 'plain' };

export function classifyPassword(password: string | undefined): PasswordKind {
  if (password === undefined) return { kind: 'none' };
  if (password === '') return { kind: 'locked' };
  if (RECOGNISED_HASH_PREFIXES.some((prefix) => password.startsWith(prefix))) return { kind: 'hashed' };
  const unrecognised = UNRECOGNISED_HASHES.find(([prefix]) => password.startsWith(prefix));
  if (unrecognised) return { kind: 'unrecognisedHash', scheme: unrecognised[1] };
  return { kind: 'plain' };
}

// The shapes `crypt(3)` produces for the three recognised schemes.
const COMPLETE_HASH = [
  /^\$6\$(rounds=[0-9]+\$)?[./0-9A-Za-z]{0,16}\$[./0-9A-Za-z]{86}$/,
  /^\$5\$(rounds=[0-9]+\$)?[./0-9A-Za-z]{0,16}\$[./0-9A-Za-z]{43}$/,
  /^\$2b\$[0-9]{2}\$[./0-9A-Za-z]{53}$/,
];

/** Whether a recognised hash is also complete (a truncated paste is copied as is by osbuild). */
export function isCompleteHash(password: string): boolean {
  return COMPLETE_HASH.some((shape) => shape.test(password));
}
