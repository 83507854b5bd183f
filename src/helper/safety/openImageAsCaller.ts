import { closeSync, constants, fstatSync } from 'node:fs';
import type { Caller } from './caller';
import { callerFs } from './callerFs';

export class CallerCannotReadError extends Error {
  readonly code = 'EACCES';
}

export interface PinnedImage {
  /** Where every read of this job goes: the opened file itself, whatever later happens to its path. */
  readonly readPath: string;
  close(): Promise<void>;
}

/**
 * Opens the image with the rights of the person who asked, not root's: the helper must not lend
 * out reading of files that person could not read (verify-only's first differing offset would
 * reveal a root-only file byte by byte). The open itself is made with the person's filesystem
 * identity (callerFs), so the kernel checks every folder and ACL on the way; the descriptor is
 * the helper's own, and every read goes through it (/proc/self/fd/N), so swapping the path
 * afterwards redirects nothing. What was opened is checked: a regular file or a block device.
 */
export async function openImageAsCaller(path: string, caller: Caller | null): Promise<PinnedImage> {
  let fd: number;
  try {
    fd = callerFs(caller).open(path, constants.O_RDONLY);
  } catch (error) {
    if (!caller) throw error;
    const code = (error as { code?: string }).code ?? 'EACCES';
    const reason = code === 'ENOENT' ? 'it does not exist' : code === 'EACCES' ? 'permission denied' : code;
    throw new CallerCannotReadError(`${caller.name} (uid ${caller.uid}) cannot read ${path}: ${reason}`);
  }
  const kind = fstatSync(fd);
  if (!kind.isFile() && !kind.isBlockDevice()) {
    closeSync(fd);
    throw new CallerCannotReadError(`${path} is not a file.`);
  }
  return {
    readPath: `/proc/self/fd/${fd}`,
    close: async () => closeSync(fd),
  };
}
