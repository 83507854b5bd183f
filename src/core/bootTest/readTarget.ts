import { read } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { ReadAt } from './iso9660';

const readFd = promisify(read);

/** Positioned reads on an open handle (an image file, or the helper's pinned drive): no path, no seek. */
export function readAtHandle(handle: Pick<FileHandle, 'read'>): ReadAt {
  return async (buffer, position) => (await handle.read(buffer, 0, buffer.length, position)).bytesRead;
}

/**
 * Reads a boot test's target with `look`: an image file opened by its path (as the person, its
 * size given), or a drive through the descriptor the helper pinned read-only (positioned reads:
 * the descriptor's offset, and the drive, stay as they were; no size, a drive is larger than what
 * it holds).
 */
export async function readTarget<T>(
  target: string,
  driveFd: number | undefined,
  look: (readAt: ReadAt, fileBytes?: number) => Promise<T>,
): Promise<T> {
  if (driveFd !== undefined) {
    return look(
      async (buffer, position) => (await readFd(driveFd, buffer, 0, buffer.length, position)).bytesRead,
    );
  }
  const handle = await open(target, 'r');
  try {
    const { size } = await handle.stat();
    return await look(readAtHandle(handle), size);
  } finally {
    await handle.close();
  }
}
