import { lstat, realpath } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { ImageBuildRequest } from '../../shared/build/containerfileBuild';
import { isSystemFolder } from './checkBuildOutputDir';
import type { CheckedImageBuild } from './podmanBuildArgs';

export class BuildContextRefused extends Error {}

/**
 * Checks a Containerfile build as root, trusting nothing but the filesystem. podman reads the
 * context as root, so the context must be a real folder (the folder itself not a symlink) outside
 * the system's folders, and the Containerfile a regular file inside it: no request can make root
 * read /etc or another folder through a link. Returns the resolved paths podman gets.
 */
export async function checkBuildContext(request: ImageBuildRequest): Promise<CheckedImageBuild> {
  const { contextDir, containerfile } = request;
  // Refused by its path before anything is asked of the filesystem: the same answer on every host,
  // whether or not the folder exists there. The resolved path is checked again below (a link
  // inside a person's folder could lead into a system folder).
  if (isSystemFolder(resolve(contextDir))) {
    throw new BuildContextRefused(
      `${contextDir} is a system folder; keep the Containerfile in a folder of your own.`,
    );
  }
  const context = await lstat(contextDir).catch(() => null);
  if (!context) throw new BuildContextRefused(`The build folder ${contextDir} does not exist.`);
  if (context.isSymbolicLink()) {
    throw new BuildContextRefused(
      `The build folder ${contextDir} is a symbolic link; choose the folder it points to.`,
    );
  }
  if (!context.isDirectory()) throw new BuildContextRefused(`${contextDir} is not a folder.`);
  // `/` is a system folder, so the resolved context never ends with a separator below.
  const realContext = await realpath(contextDir);
  if (isSystemFolder(realContext)) {
    throw new BuildContextRefused(
      `${contextDir} is a system folder; keep the Containerfile in a folder of your own.`,
    );
  }

  const file = await lstat(containerfile).catch(() => null);
  if (!file) throw new BuildContextRefused(`The Containerfile ${containerfile} does not exist.`);
  if (file.isSymbolicLink()) {
    throw new BuildContextRefused(`The Containerfile ${containerfile} is a symbolic link.`);
  }
  if (!file.isFile()) throw new BuildContextRefused(`${containerfile} is not a file.`);
  const realFile = await realpath(containerfile);
  if (!realFile.startsWith(`${realContext}${sep}`)) {
    throw new BuildContextRefused(
      `The Containerfile ${containerfile} is not inside the build folder ${contextDir}.`,
    );
  }
  return {
    contextDir: realContext,
    containerfile: realFile,
    tag: request.tag,
    ...(request.buildArgs ? { buildArgs: request.buildArgs } : {}),
  };
}
