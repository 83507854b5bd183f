import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Where a file holds data, as byte ranges: everything outside them is a hole (reads as zeros,
 * nothing allocated). Backed by the N-API addon in `native/sparse-extents/` (lseek SEEK_DATA /
 * SEEK_HOLE; Node's `fs` has no lseek). Reading for zero blocks would not be equivalent:
 * allocated zeros must still be written.
 */
export interface DataExtent {
  /** Byte offset of the first byte that may hold data. */
  offset: number;
  /** Length in bytes; the range is [offset, offset + length). */
  length: number;
}

/** What the compiled addon exports (see native/sparse-extents/sparse_extents.c). */
interface SparseExtentsAddon {
  /** Sorted, non-overlapping [offset, length] pairs of a regular file open as `fd`. */
  dataExtents(fd: number): Array<[offset: number, length: number]>;
}

/** The addon, relative to the project root (the folder holding `native/`). */
const ADDON_PATH = join('native', 'sparse-extents', 'build', 'Release', 'sparse_extents.node');

let addon: SparseExtentsAddon | undefined;

/**
 * Finds the built addon by walking up from this module's folder. The same code runs from source
 * (src/helper/sparse/, under vitest) and bundled (out/main/ or out/main/chunks/), so no fixed
 * relative path is right for both; the project root is the first ancestor holding the addon.
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

/** Loads the addon once, on first use, so merely importing this module never fails. */
function loadAddon(): SparseExtentsAddon {
  if (addon) return addon;
  const path = findAddon(import.meta.dirname);
  if (!path) {
    throw new Error(
      `The sparse-extents native addon is not built (no ${ADDON_PATH} above ${import.meta.dirname}). ` +
        'Run `npm run build:native`.',
    );
  }
  // ESM has no `require`; a .node file can only be loaded through one.
  const require = createRequire(import.meta.url);
  addon = require(path) as SparseExtentsAddon;
  return addon;
}

/**
 * The data extents of the regular file at `path`, sorted and non-overlapping, at the
 * filesystem's granularity (an extent may be larger than what was written, never smaller).
 * An empty or fully sparse file gives `[]`; a filesystem that cannot report holes gives one
 * extent covering the whole file. Rejects with the errno as `code` (ENOENT, EISDIR, ...).
 */
export async function dataExtents(path: string): Promise<DataExtent[]> {
  const native = loadAddon();
  const handle = await open(path, 'r');
  try {
    return native.dataExtents(handle.fd).map(([offset, length]) => ({ offset, length }));
  } finally {
    await handle.close();
  }
}
