import { mkdir, readdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ImageType } from '../../shared/diskImages/imageTypes';

export function defaultBuildOutputRoot(): string {
  return join(homedir(), 'Bootstick', 'builds');
}

/**
 * A new, empty folder for one build, created by the person running the app so it is theirs:
 * the helper refuses any other kind, and gives bib's outputs to the folder's owner.
 */
export async function createBuildOutputFolder(
  root: string,
  buildId: string,
  type: ImageType,
): Promise<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const dir = join(root, `${stamp}-${type}-${buildId}`);
  await mkdir(dir, { recursive: false, mode: 0o755 });
  return dir;
}

/** A folder the person named (the CLI's --output): created if missing, refused unless empty. */
export async function prepareNamedOutputFolder(dir: string): Promise<{ dir: string; created: boolean }> {
  const existing = await readdir(dir).catch(() => null);
  if (existing === null) {
    await mkdir(dir, { recursive: true, mode: 0o755 });
    return { dir, created: true };
  }
  if (existing.length > 0)
    throw new Error(`The output folder ${dir} is not empty; a build writes into an empty folder.`);
  return { dir, created: false };
}
