import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** What the compiled addon exports (see native/block-io/block_io.c). */
export interface BlockIoAddon {
  /** Sorted, non-overlapping [offset, length] pairs of a regular file open as `fd`. */
  dataExtents(fd: number): Array<[offset: number, length: number]>;
  /** Memory aligned for O_DIRECT, accounted to V8 so it is collected promptly. */
  alignedBuffer(size: number, alignment: number): Buffer;
  /** open(2) with the person's filesystem identity (native/block-io/caller_fs.c). */
  openAs(caller: CallerIdentity, dirFd: number, path: string, flags: number, mode: number): number;
  mkdirAs(caller: CallerIdentity, dirFd: number, path: string, mode: number): void;
  unlinkAs(caller: CallerIdentity, dirFd: number, path: string, removeDir: boolean): void;
  /** BLKZEROOUT over [offset, offset + length) of an open block device (native/block-io/zero_range.c). */
  zeroOut(fd: number, offset: number, length: number): void;
}

/** Who a caller_fs call acts as: never root (the addon refuses uid 0). */
export interface CallerIdentity {
  uid: number;
  gid: number;
  groups: number[];
}

/** The addon, relative to the project root (the folder holding `native/`). */
const ADDON_PATH = join('native', 'block-io', 'build', 'Release', 'block_io.node');

let addon: BlockIoAddon | undefined;

/**
 * Finds the built addon by walking up from this module's folder. The same code runs from source
 * (under vitest) and bundled (out/main/ or out/main/chunks/), so no fixed relative path is right
 * for both; the project root is the first ancestor holding the addon.
 */
function findAddon(startDir: string): string | undefined {
  let dir = startDir;
  for (;;) {
    const candidate = join(dir, ADDON_PATH);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Loads the addon once, on first use, so merely importing a module that needs it never fails. */
export function blockIoAddon(): BlockIoAddon {
  if (addon) return addon;
  const path = findAddon(import.meta.dirname);
  if (!path) {
    throw new Error(
      `The block-io native addon is not built (no ${ADDON_PATH} above ${import.meta.dirname}). ` +
        'Run `npm run build:native`.',
    );
  }
  // ESM has no `require`; a .node file can only be loaded through one.
  addon = createRequire(import.meta.url)(path) as BlockIoAddon;
  return addon;
}
