import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { MiB } from './units';

/**
 * A dense file of `size` bytes with no zero runs (so no filesystem makes holes of it), quick to
 * write: each MiB is a different byte pattern. Returns its SHA-256.
 */
export async function writePatternFile(path: string, size: number): Promise<string> {
  const file = await open(path, 'w');
  const hash = createHash('sha256');
  try {
    for (let offset = 0, index = 0; offset < size; offset += MiB, index += 1) {
      const chunk = Buffer.alloc(Math.min(MiB, size - offset), (index % 250) + 1);
      chunk.writeUInt32LE(index, 0);
      hash.update(chunk);
      await file.write(chunk, 0, chunk.length, offset);
    }
  } finally {
    await file.close();
  }
  return hash.digest('hex');
}

/** SHA-256 of the first `length` bytes of a file or device. */
export async function sha256Of(path: string, length: number): Promise<string> {
  const file = await open(path, 'r');
  const hash = createHash('sha256');
  try {
    const buffer = Buffer.alloc(4 * MiB);
    for (let offset = 0; offset < length; ) {
      const { bytesRead } = await file.read(buffer, 0, Math.min(buffer.length, length - offset), offset);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      offset += bytesRead;
    }
  } finally {
    await file.close();
  }
  return hash.digest('hex');
}
