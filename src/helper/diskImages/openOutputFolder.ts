import { closeSync, constants, readdirSync, readlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import { HelperRefusal } from '../errors';
import { type CallerFs, callerFs, isSymlinkForCaller } from '../safety/callerFs';
import { isSystemFolder } from '../safety/systemFolders';

export class OutputDirRefused extends HelperRefusal {}

/** An output folder opened as the caller, held for the whole build: outputs go into this very folder. */
export interface OutputFolder {
  path: string;
  fd: number;
  close(): void;
}

/**
 * Opens the build's output folder as the caller and checks it before bib runs: a real folder (no
 * symlink anywhere in the path), outside the system's own folders, empty, and one the caller can
 * create files in (a probe file is made and removed, as the caller). Every answer is what the
 * caller could find out themselves: a folder they cannot reach is "cannot be opened", whether or
 * not it exists. A system folder is refused by its path first, whether or not it exists on this
 * host: the answer a person needs is "choose a folder of your own".
 */
export async function openOutputFolder(dir: string, fs: CallerFs = callerFs(null)): Promise<OutputFolder> {
  if (isSystemFolder(resolve(dir))) {
    throw new OutputDirRefused(`${dir} is a system folder; choose a folder of your own for the build.`);
  }
  let fd: number;
  try {
    fd = fs.open(dir, constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new OutputDirRefused(`The output folder ${dir} does not exist.`);
    if (code === 'ELOOP')
      throw new OutputDirRefused(`The output folder ${dir} goes through a symbolic link.`);
    if (code === 'ENOTDIR') {
      if (isSymlinkForCaller(fs, dir))
        throw new OutputDirRefused(`The output folder ${dir} goes through a symbolic link.`);
      throw new OutputDirRefused(`${dir} is not a folder.`);
    }
    throw new OutputDirRefused(`The output folder ${dir} cannot be opened (${code ?? 'error'}).`);
  }
  const folder = { path: dir, fd, close: () => closeSync(fd) };
  try {
    // The descriptor's own path, as the kernel resolved it: any symlink on the way shows here.
    if (readlinkSync(`/proc/self/fd/${fd}`) !== dir) {
      throw new OutputDirRefused(`The output folder ${dir} goes through a symbolic link.`);
    }
    if (readdirSync(`/proc/self/fd/${fd}`).length > 0) {
      throw new OutputDirRefused(
        `The output folder ${dir} is not empty; a build writes into an empty folder.`,
      );
    }
    probeWritable(folder, fs);
    return folder;
  } catch (error) {
    folder.close();
    throw error;
  }
}

/** Makes and removes a file as the caller, so a folder they may not write fails before bib runs. */
function probeWritable(folder: OutputFolder, fs: CallerFs): void {
  const probe = `.bootstick-write-check-${process.pid}`;
  try {
    const fd = fs.open(
      probe,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
      0o600,
      folder.fd,
    );
    closeSync(fd);
    fs.unlink(probe, false, folder.fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'you may not write there' : (code ?? 'error');
    throw new OutputDirRefused(`The output folder ${folder.path} cannot take the build: ${why}.`);
  }
}
