import type { sourceDestination } from 'etcher-sdk';
import type { ImageDescription } from '../flash/imageSource';
import { alignedBuffer } from './alignedBuffer';
import { CHUNK, imageChunks } from './imageChunks';

export type Comparison = { matched: true; bytes: number } | { matched: false; bytes: number; offset: number };

function firstDifference(a: Buffer, b: Buffer): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index += 1) if (a[index] !== b[index]) return index;
  return length;
}

/**
 * Reads a drive back (through O_DIRECT, never the page cache) and compares it with the image,
 * byte for byte, stopping at the first difference and reporting its offset.
 *
 * `tap` sees every image chunk, in order: after a difference the rest of the image is still
 * read for it (not the drive), so a verify job hashes the whole image in the same pass,
 * decompressing it once. A drive error ends the pass at once (a cancel must be prompt).
 */
export async function compareDriveToImage(
  image: ImageDescription,
  drive: sourceDestination.SourceDestination,
  onProgress: (bytes: number) => void = () => {},
  tap?: (buffer: Buffer) => void,
): Promise<Comparison> {
  let bytes = 0;
  let onDrive = alignedBuffer(CHUNK);
  let difference: Comparison | null = null;
  for await (const chunk of imageChunks(image)) {
    tap?.(chunk.buffer);
    if (difference) continue;
    if (chunk.buffer.length > onDrive.length) onDrive = alignedBuffer(chunk.buffer.length);
    const { bytesRead } = await drive.read(onDrive, 0, chunk.buffer.length, chunk.offset);
    const read = onDrive.subarray(0, bytesRead);
    if (bytesRead !== chunk.buffer.length || !read.equals(chunk.buffer)) {
      difference = { matched: false, bytes, offset: chunk.offset + firstDifference(read, chunk.buffer) };
      if (!tap) break;
      continue;
    }
    bytes += chunk.buffer.length;
    onProgress(bytes);
  }
  return difference ?? { matched: true, bytes };
}
