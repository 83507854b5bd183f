import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringifyBlueprintToml } from '../../main/blueprint/blueprintToml';
import { hasOnlyHashedPasswords } from '../../main/blueprint/hashPassword';
import type { Blueprint } from '../../shared/blueprint/blueprintSchema';

/**
 * Refuses a config whose users carry a plain-text password: the app hashes passwords as soon as
 * they leave the form, so plain text here means something bypassed that, and it must never be
 * written to disk, even for a moment. The refusal never repeats the password.
 */
export function assertNoPlainPasswords(config: Blueprint): void {
  if (!hasOnlyHashedPasswords(config)) {
    throw new Error('A user password is not a SHA-512 crypt hash; refusing to write it.');
  }
}

/**
 * Writes bib's config.toml into a fresh private folder (0700, file 0600) readable by root only,
 * and returns it with a disposer that deletes both. The caller must dispose in a `finally`.
 */
export async function writePrivateBibConfig(
  config: Blueprint,
): Promise<{ path: string; dispose(): Promise<void> }> {
  assertNoPlainPasswords(config);
  const dir = await mkdtemp(join(tmpdir(), 'bootstick-bibconfig-'));
  const path = join(dir, 'config.toml');
  await writeFile(path, stringifyBlueprintToml(config), { mode: 0o600 });
  return { path, dispose: () => rm(dir, { recursive: true, force: true }) };
}
