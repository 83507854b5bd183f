import { closeSync, constants, mkdirSync, openSync, rmdirSync, unlinkSync } from 'node:fs';
import { blockIoAddon } from '../native/blockIoAddon';
import type { Caller } from './caller';

/** openat's "relative to the current folder" (absolute paths ignore the folder). */
export const AT_FDCWD = -100;

/**
 * Filesystem calls made with the caller's rights: the kernel checks every folder on the way, every
 * mode and ACL as it would for that person, and what gets created belongs to them (caller_fs.c
 * says how). With no caller (root started the helper itself) they are root's own calls.
 * Descriptors returned are the helper's own; nothing is reopened by path afterwards.
 */
export interface CallerFs {
  readonly caller: Caller | null;
  /** open(2) as the caller; `path` relative to `dirFd` when not absolute. O_PATH is refused. */
  open(path: string, flags: number, mode?: number, dirFd?: number): number;
  mkdir(path: string, mode: number, dirFd?: number): void;
  /** unlink(2), or rmdir(2) when `removeDir`. */
  unlink(path: string, removeDir: boolean, dirFd?: number): void;
  close(fd: number): void;
}

export function callerFs(caller: Caller | null): CallerFs {
  if (!caller) {
    return {
      caller,
      open(path, flags, mode = 0, dirFd = AT_FDCWD) {
        // Root's own calls work on absolute paths only (Node has no openat): callers pass those.
        if (dirFd !== AT_FDCWD) return openAt(dirFd, path, flags, mode);
        return openSync(path, flags | constants.O_NOCTTY, mode);
      },
      mkdir(path, mode, dirFd = AT_FDCWD) {
        mkdirSync(dirFd === AT_FDCWD ? path : `/proc/self/fd/${dirFd}/${path}`, { mode });
      },
      unlink(path, removeDir, dirFd = AT_FDCWD) {
        const where = dirFd === AT_FDCWD ? path : `/proc/self/fd/${dirFd}/${path}`;
        if (removeDir) rmdirSync(where);
        else unlinkSync(where);
      },
      close: closeSync,
    };
  }
  const addon = blockIoAddon();
  const identity = { uid: caller.uid, gid: caller.gid, groups: caller.groups };
  return {
    caller,
    open: (path, flags, mode = 0, dirFd = AT_FDCWD) => addon.openAs(identity, dirFd, path, flags, mode),
    mkdir: (path, mode, dirFd = AT_FDCWD) => addon.mkdirAs(identity, dirFd, path, mode),
    unlink: (path, removeDir, dirFd = AT_FDCWD) => addon.unlinkAs(identity, dirFd, path, removeDir),
    close: closeSync,
  };
}

/**
 * Root's openat for a single name inside a folder held open: through the folder's own descriptor
 * (/proc/self/fd/N is this process's descriptor, which nobody else can swap), never by the
 * folder's path. O_NOFOLLOW keeps a planted symlink from redirecting it.
 */
function openAt(dirFd: number, name: string, flags: number, mode: number): number {
  if (name.includes('/')) throw new Error(`openAt takes one name, not a path: ${name}`);
  return openSync(`/proc/self/fd/${dirFd}/${name}`, flags | constants.O_NOCTTY, mode);
}

/** Whether the last part of `path` is a symlink, asked as the caller (so it tells nothing they could not see). */
export function isSymlinkForCaller(fs: CallerFs, path: string): boolean {
  try {
    fs.close(fs.open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK));
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ELOOP';
  }
}
