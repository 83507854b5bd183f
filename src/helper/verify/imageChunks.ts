import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { ImageDescription } from '../flash/imageSource';
import { openImageSource } from '../flash/imageSource';

export const CHUNK = 4 * 1024 * 1024;

export interface ImageChunk {
  offset: number;
  buffer: Buffer;
}

/** A sparse image's data extents, read in chunks straight from the file. */
async function* extentChunks(path: string, extents: NonNullable<ImageDescription['extents']>) {
  const file = await open(path, 'r');
  try {
    for (const extent of extents) {
      for (let offset = extent.offset; offset < extent.offset + extent.length; offset += CHUNK) {
        const length = Math.min(CHUNK, extent.offset + extent.length - offset);
        const buffer = Buffer.allocUnsafe(length);
        const { bytesRead } = await file.read(buffer, 0, length, offset);
        yield { offset, buffer: buffer.subarray(0, bytesRead) };
      }
    }
  } finally {
    await file.close();
  }
}

/** Any other image, decompressed as a stream (one pass, in order). */
async function* streamChunks(image: ImageDescription): AsyncGenerator<ImageChunk> {
  const source = await openImageSource(image);
  await source.open();
  try {
    const raw = await source.createReadStream();
    // Some decompressors (bzip2's) are old-style streams: wrap them to read with for-await.
    const stream: AsyncIterable<Buffer> = raw instanceof Readable ? raw : new Readable().wrap(raw);
    let offset = 0;
    for await (const chunk of stream) {
      yield { offset, buffer: chunk };
      offset += chunk.length;
    }
  } finally {
    await source.close();
  }
}

/**
 * The bytes a drive must hold for this image, with their offsets: the data extents of a sparse
 * raw image (the only bytes a sparse flash writes), or every byte of any other image.
 */
export function imageChunks(image: ImageDescription): AsyncGenerator<ImageChunk> {
  return image.extents ? extentChunks(image.readPath, image.extents) : streamChunks(image);
}
