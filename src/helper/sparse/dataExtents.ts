import { open } from 'node:fs/promises';
import { blockIoAddon } from '../native/blockIoAddon';
import type { Extent } from './extent';

/**
 * Where a file holds data. Backed by the N-API addon in `native/block-io/` (lseek SEEK_DATA /
 * SEEK_HOLE; Node's `fs` has no lseek). Reading for zero blocks would not be equivalent:
 * allocated zeros must still be written.
 *
 * The data extents of the regular file at `path`, sorted and non-overlapping, at the
 * filesystem's granularity (an extent may be larger than what was written, never smaller).
 * An empty or fully sparse file gives `[]`; a filesystem that cannot report holes gives one
 * extent covering the whole file. Rejects with the errno as `code` (ENOENT, EISDIR, ...).
 */
export async function dataExtents(path: string): Promise<Extent[]> {
  const native = blockIoAddon();
  const handle = await open(path, 'r');
  try {
    return native.dataExtents(handle.fd).map(([offset, length]) => ({ offset, length }));
  } finally {
    await handle.close();
  }
}
