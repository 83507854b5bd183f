import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringifyBlueprintToml } from '../../core/blueprint/blueprintToml';
import { hasOnlyHashedPasswords } from '../../core/blueprint/hashPassword';
import type { Blueprint } from '../../shared/blueprint/blueprintSchema';
import { HelperRefusal } from '../errors';
import { createPrivateJobFolder } from '../safety/privateJobFolder';

/**
 * Refuses a config whose users carry a plain-text password: the app hashes passwords as soon as
 * they leave the form, so plain text here means something bypassed that, and it must never be
 * written to disk, even for a moment. The refusal never repeats the password.
 */
export function assertNoPlainPasswords(config: Blueprint): void {
  if (!hasOnlyHashedPasswords(config)) {
    throw new HelperRefusal('A user password is not a SHA-512 crypt hash; refusing to write it.');
  }
}

/**
 * Writes bib's config.toml into a fresh private folder under root's state folder (file 0600),
 * and returns it with a disposer that deletes both. The caller must dispose in a `finally`.
 */
export async function writePrivateBibConfig(
  jobId: string,
  config: Blueprint,
): Promise<{ path: string; dispose(): Promise<void> }> {
  assertNoPlainPasswords(config);
  const folder = await createPrivateJobFolder('configs', jobId);
  const path = join(folder.path, 'config.toml');
  try {
    await writeFile(path, stringifyBlueprintToml(config), { mode: 0o600 });
  } catch (error) {
    await folder.dispose();
    throw error;
  }
  return { path, dispose: folder.dispose };
}
