import { lstat, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Root's own state: nobody else can reach anything below it. */
export const ROOT_STATE_DIR = '/var/lib/bootstick';

export type PrivateFolderKind = 'outputs' | 'contexts' | 'configs' | 'boots';

/** A 0700 folder only root can reach, for one job; removed with dispose (by root, by its own path). */
export interface PrivateJobFolder {
  path: string;
  dispose(): Promise<void>;
}

/**
 * The folder must be root's, a real folder (no symlink) that nobody else may write. Anything else
 * means someone other than root prepared it, and then nothing below it is private.
 */
async function ensureRootFolder(path: string): Promise<void> {
  await mkdir(path, { mode: 0o700 }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  const info = await lstat(path);
  if (!info.isDirectory() || info.uid !== 0 || (info.mode & 0o022) !== 0) {
    throw new Error(
      `${path} must be a folder that only root can write (it is not); Bootstick keeps private build files there.`,
    );
  }
}

/** /var/lib/bootstick, made if missing, and proven root's own. */
export function ensureRootStateDir(): Promise<void> {
  return ensureRootFolder(ROOT_STATE_DIR);
}

/**
 * A fresh private folder for one job under /var/lib/bootstick/<kind>/: bib writes there, a copied
 * build context lives there, a drive boot test keeps its QMP socket and screendump there. Its name starts with the helper's pid, so a later helper can remove
 * what a crashed one left (removeStaleJobFolders).
 */
export async function createPrivateJobFolder(
  kind: PrivateFolderKind,
  jobId: string,
): Promise<PrivateJobFolder> {
  await ensureRootFolder(ROOT_STATE_DIR);
  const parent = join(ROOT_STATE_DIR, kind);
  await ensureRootFolder(parent);
  const path = await mkdtemp(join(parent, `${process.pid}-${jobId.slice(0, 64)}-`));
  return { path, dispose: () => rm(path, { recursive: true, force: true }) };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the private folders of helpers that are no longer running (a crash, a power cut).
 * `beforeRemoving` undoes, per kind, what such a helper could not (a drive it left read-only).
 */
export async function removeStaleJobFolders(
  beforeRemoving: Partial<Record<PrivateFolderKind, (folder: string) => Promise<void>>> = {},
): Promise<void> {
  for (const kind of ['outputs', 'contexts', 'configs', 'boots'] as const) {
    const parent = join(ROOT_STATE_DIR, kind);
    const entries = await readdir(parent).catch(() => [] as string[]);
    for (const name of entries) {
      const pid = Number(name.split('-')[0]);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isRunning(pid)) {
        await beforeRemoving[kind]?.(join(parent, name)).catch(() => {});
        await rm(join(parent, name), { recursive: true, force: true });
      }
    }
  }
}
