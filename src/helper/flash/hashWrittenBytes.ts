import { createHash } from 'node:crypto';
import { imageChunks } from '../verify/imageChunks';
import type { ImageDescription } from './imageSource';

/** SHA-256 of exactly the bytes a flash writes, in offset order (see ImageSummary.sha256). */
export async function hashWrittenBytes(
  image: ImageDescription,
): Promise<{ sha256: string | null; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of imageChunks(image)) {
    hash.update(chunk.buffer);
    bytes += chunk.buffer.length;
  }
  return { sha256: hash.digest('hex'), bytes };
}
