import { closeSync, constants, fstatSync, openSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CallerFs } from '../safety/callerFs';
import { copySparseFile } from './copySparseFile';

/** bib's outputs are a folder or two deep (image/disk.raw, bootiso/install.iso); deeper is not bib. */
const MAX_DEPTH = 4;

export class HandOverError extends Error {}

interface Created {
  name: string;
  dirFd: number;
  isDir: boolean;
}

/**
 * Hands a finished build over to the person: every regular file and folder bib wrote into the
 * private folder is recreated in `outputDir` *as the caller* (callerFs: created with their rights,
 * so they own it and can only write where they may), and the data copied through descriptors.
 * The caller's folder was opened once, as the caller, and everything below is created relative to
 * that descriptor with O_EXCL and no-follow, so a symlink planted there redirects nothing. bib's
 * own symlinks, devices or sockets are not handed over (they are not outputs). On any failure
 * what was created is removed again, as the caller, and the error says why.
 */
export async function handOverOutputs(options: {
  privateDir: string;
  /** The caller's output folder, opened as the caller before bib ran (openOutputFolder). */
  outputFd: number;
  /** Its path, for messages only. */
  outputDir: string;
  fs: CallerFs;
  shouldStop: () => boolean;
  log: (line: string) => void;
}): Promise<void> {
  const { fs } = options;
  const created: Created[] = [];
  const openDirs: number[] = [];
  try {
    await copyFolder(options.privateDir, options.outputFd, '', 0);
  } catch (error) {
    for (const entry of created.reverse()) {
      try {
        fs.unlink(entry.name, entry.isDir, entry.dirFd);
      } catch {
        // removed already, or not empty because something else wrote there: leave it
      }
    }
    throw error instanceof HandOverError
      ? error
      : new HandOverError(`Handing the outputs over failed: ${codeOf(error)}.`);
  } finally {
    for (const fd of openDirs.reverse()) closeSync(fd);
  }

  async function copyFolder(source: string, targetFd: number, shown: string, depth: number): Promise<void> {
    if (depth > MAX_DEPTH) throw new HandOverError(`bib wrote folders deeper than ${MAX_DEPTH} levels.`);
    for (const entry of await readdir(source, { withFileTypes: true })) {
      const from = join(source, entry.name);
      const name = `${shown}${entry.name}`;
      if (entry.isDirectory()) {
        makeDir(entry.name, targetFd, name);
        const childFd = fs.open(
          entry.name,
          constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW,
          0,
          targetFd,
        );
        openDirs.push(childFd);
        await copyFolder(from, childFd, `${name}/`, depth + 1);
      } else if (entry.isFile()) {
        await copyFile(from, entry.name, targetFd, name);
      } else {
        options.log(`Not handed over: ${name} is not a regular file.`);
      }
    }
  }

  function makeDir(base: string, dirFd: number, shown: string): void {
    try {
      fs.mkdir(base, 0o755, dirFd);
    } catch (error) {
      throw new HandOverError(`${shown} cannot be created in ${options.outputDir}: ${codeOf(error)}.`);
    }
    created.push({ name: base, dirFd, isDir: true });
  }

  async function copyFile(from: string, base: string, dirFd: number, shown: string): Promise<void> {
    // Root reads its own private folder; O_NOFOLLOW, and the kind checked on the descriptor.
    const sourceFd = openSync(from, constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      if (!fstatSync(sourceFd).isFile()) return;
      let targetFd: number;
      try {
        targetFd = fs.open(
          base,
          constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
          0o644,
          dirFd,
        );
      } catch (error) {
        throw new HandOverError(`${shown} cannot be created in ${options.outputDir}: ${codeOf(error)}.`);
      }
      created.push({ name: base, dirFd, isDir: false });
      try {
        const copied = await copySparseFile(sourceFd, targetFd, options.shouldStop);
        options.log(`Handed over ${shown} (${copied} bytes of data).`);
      } finally {
        closeSync(targetFd);
      }
    } finally {
      closeSync(sourceFd);
    }
  }
}

function codeOf(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EEXIST') return 'something of that name is already there';
  if (code === 'ENOSPC') return 'no space left on that drive';
  return code ?? message ?? String(error);
}
