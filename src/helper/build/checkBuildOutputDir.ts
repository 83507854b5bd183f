import { lstat, readdir, realpath } from 'node:fs/promises';
import { resolve } from 'node:path';

/** Folders root must never be told to write a build into, whatever the request says. */
const SYSTEM_PREFIXES = [
  '/bin',
  '/boot',
  '/dev',
  '/etc',
  '/lib',
  '/lib64',
  '/proc',
  '/run',
  '/sbin',
  '/sys',
  '/usr',
  '/var/lib/containers',
  '/var/cache/bootstick',
];
const SYSTEM_EXACT = ['/', '/var', '/var/lib', '/var/lib/containers', '/home', '/root', '/tmp'];

export class OutputDirRefused extends Error {}

/**
 * Whether root must not treat `dir` (a resolved path) as a person's own folder: to write a build
 * into, or to read a build context from.
 */
export function isSystemFolder(dir: string): boolean {
  return (
    SYSTEM_EXACT.includes(dir) ||
    SYSTEM_PREFIXES.some((prefix) => dir === prefix || dir.startsWith(`${prefix}/`))
  );
}

/**
 * Checks the build's output folder as root, trusting nothing but the filesystem: it must be an
 * existing, empty, real folder (no symlink anywhere in the path) outside the system's own
 * folders. The outputs are given to the folder's owner, so nobody can aim root's files at
 * someone else. Returns the owner.
 *
 * A system folder is refused by its path first, whether or not it exists on this host: the
 * answer a person needs is "choose a folder of your own", not "it does not exist" (and the
 * answer must not depend on what this machine has run before, e.g. podman creating its storage).
 */
export async function checkBuildOutputDir(dir: string): Promise<{ uid: number; gid: number }> {
  if (isSystemFolder(resolve(dir))) {
    throw new OutputDirRefused(`${dir} is a system folder; choose a folder of your own for the build.`);
  }
  let resolved: string;
  try {
    resolved = await realpath(dir);
  } catch {
    throw new OutputDirRefused(`The output folder ${dir} does not exist.`);
  }
  if (resolved !== dir) throw new OutputDirRefused(`The output folder ${dir} goes through a symbolic link.`);
  const stats = await lstat(dir);
  if (!stats.isDirectory()) throw new OutputDirRefused(`${dir} is not a folder.`);
  if ((await readdir(dir)).length > 0) {
    throw new OutputDirRefused(`The output folder ${dir} is not empty; a build writes into an empty folder.`);
  }
  return { uid: stats.uid, gid: stats.gid };
}
