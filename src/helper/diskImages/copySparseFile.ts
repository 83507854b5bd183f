import { fstat, ftruncate, read, write } from 'node:fs';
import { promisify } from 'node:util';
import { blockIoAddon } from '../native/blockIoAddon';

const readAt = promisify(read);
const writeAt = promisify(write);
const truncate = promisify(ftruncate);
const statOf = promisify(fstat);

/** One read-and-write step: large enough to stream, small enough to keep memory flat. */
const CHUNK = 4 * 1024 * 1024;

/**
 * Copies a regular file between two open descriptors, data extents only, so a 10 GiB bootc
 * disk.raw that holds 1.5 GiB stays sparse (a plain copy would write every hole as zeros).
 * `shouldStop` is asked between chunks; a stopped copy leaves an incomplete file for the caller
 * to remove. Returns the bytes of data copied.
 */
export async function copySparseFile(
  sourceFd: number,
  targetFd: number,
  shouldStop: () => boolean = () => false,
): Promise<number> {
  const { size } = await statOf(sourceFd);
  const buffer = Buffer.allocUnsafe(CHUNK);
  let copied = 0;
  for (const [offset, length] of blockIoAddon().dataExtents(sourceFd)) {
    for (let done = 0; done < length; ) {
      if (shouldStop()) throw new Error('The copy was stopped.');
      const want = Math.min(CHUNK, length - done);
      const { bytesRead } = await readAt(sourceFd, buffer, 0, want, offset + done);
      if (bytesRead === 0) break; // the file shrank meanwhile; the size below still holds
      let written = 0;
      while (written < bytesRead) {
        const { bytesWritten } = await writeAt(
          targetFd,
          buffer,
          written,
          bytesRead - written,
          offset + done + written,
        );
        written += bytesWritten;
      }
      done += bytesRead;
      copied += bytesRead;
    }
  }
  // Holes at the end are made by the size, not by writing.
  await truncate(targetFd, size);
  return copied;
}
