import { closeSync, constants, fstatSync, readFileSync, readlinkSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { ImageBuildRequest } from '../../shared/containerImages/containerfileBuild';
import { HelperRefusal } from '../errors';
import { type CallerFs, callerFs, isSymlinkForCaller } from '../safety/callerFs';
import { isSystemFolder } from '../safety/systemFolders';

export class BuildContextRefused extends HelperRefusal {}

/** A Containerfile longer than this is not a Containerfile (podman's own limit is far above any real one). */
const MAX_CONTAINERFILE_BYTES = 1024 * 1024;

/** A build request checked as the caller: the real context folder and the Containerfile's text. */
export interface CheckedBuildContext {
  /** The context folder as the kernel resolved it when the caller opened it. */
  contextDir: string;
  /** The Containerfile's real path (inside contextDir), for messages. */
  containerfile: string;
  /** What the caller's Containerfile said when the caller opened it; podman gets this copy. */
  containerfileText: string;
}

function openAsCaller(fs: CallerFs, path: string, flags: number, what: string): number {
  try {
    return fs.open(path, flags | constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new BuildContextRefused(`The ${what} ${path} does not exist.`);
    if (code === 'ELOOP')
      throw new BuildContextRefused(`The ${what} ${path} is a symbolic link; choose what it points to.`);
    if (code === 'ENOTDIR') {
      // O_DIRECTORY|O_NOFOLLOW on a symlink says ENOTDIR too: ask again without O_DIRECTORY.
      if (isSymlinkForCaller(fs, path))
        throw new BuildContextRefused(`The ${what} ${path} is a symbolic link; choose what it points to.`);
      throw new BuildContextRefused(`${path} is not a folder.`);
    }
    if (code === 'EISDIR') throw new BuildContextRefused(`${path} is not a file.`);
    throw new BuildContextRefused(`The ${what} ${path} cannot be read by you (${code ?? 'error'}).`);
  }
}

/**
 * Checks a Containerfile build with the caller's rights, before anything runs. The context must
 * be a real folder (the folder itself not a symlink) outside the system's folders, the
 * Containerfile a regular file inside it, and both readable by the caller: they are opened as
 * the caller, so a folder the caller cannot read is refused whatever root could read. The
 * Containerfile is read here, once; podman gets that text, never the caller's path again.
 * `.in` Containerfiles are refused: podman runs them through the host's C preprocessor, whose
 * `#include` would read any file of the host as root.
 */
export async function checkBuildContext(
  request: ImageBuildRequest,
  fs: CallerFs = callerFs(null),
): Promise<CheckedBuildContext> {
  const { contextDir, containerfile } = request;
  // Refused by its path before anything is asked of the filesystem: the same answer on every host.
  if (isSystemFolder(resolve(contextDir))) {
    throw new BuildContextRefused(
      `${contextDir} is a system folder; keep the Containerfile in a folder of your own.`,
    );
  }
  if (containerfile.endsWith('.in')) {
    throw new BuildContextRefused(
      `${containerfile} ends in .in: podman would run it through the C preprocessor as root, so Bootstick does not build it. Preprocess it yourself and name the result Containerfile.`,
    );
  }
  const contextFd = openAsCaller(fs, contextDir, constants.O_RDONLY | constants.O_DIRECTORY, 'build folder');
  let realContext: string;
  try {
    realContext = readlinkSync(`/proc/self/fd/${contextFd}`);
  } finally {
    closeSync(contextFd);
  }
  // The resolved path is checked again: a link above a person's folder could lead into a system one.
  if (isSystemFolder(realContext)) {
    throw new BuildContextRefused(
      `${contextDir} is a system folder; keep the Containerfile in a folder of your own.`,
    );
  }

  const fileFd = openAsCaller(fs, containerfile, constants.O_RDONLY, 'Containerfile');
  try {
    const info = fstatSync(fileFd);
    if (!info.isFile()) throw new BuildContextRefused(`${containerfile} is not a file.`);
    const realFile = readlinkSync(`/proc/self/fd/${fileFd}`);
    if (!realFile.startsWith(`${realContext}${sep}`)) {
      throw new BuildContextRefused(
        `The Containerfile ${containerfile} is not inside the build folder ${contextDir}.`,
      );
    }
    if (info.size > MAX_CONTAINERFILE_BYTES) {
      throw new BuildContextRefused(`The Containerfile ${containerfile} is larger than 1 MiB.`);
    }
    return {
      contextDir: realContext,
      containerfile: realFile,
      containerfileText: readFileSync(fileFd, 'utf8'),
    };
  } finally {
    closeSync(fileFd);
  }
}
