import { createHash } from 'node:crypto';
import type { ImageDescription } from '../flash/imageSource';
import { stillTheSameFile } from './fileIdentity';
import { hashFileInWorker } from './hashFileInWorker';
import { type ImageHashCache, imageHashCache } from './imageHashCache';

export interface ImageSha256 {
  /**
   * For a compressed image: where its decompressed bytes must be fed, all of them, in order.
   * null when the hash is taken without them (known already, or read from the file itself).
   */
  readonly feed: ((buffer: Buffer) => void) | null;
  /**
   * The SHA-256, or null when it is not known for sure: the job stopped before a compressed
   * image was read to its end, or the file changed while the job ran.
   */
  digest(readToTheEnd: boolean): Promise<string | null>;
}

/**
 * The audit SHA-256 of an image: of every byte it holds once decompressed, holes counted as the
 * zeros they read as. It is what `sha256sum` prints for the (decompressed) file, whatever parts
 * a sparse flash skipped. Taken at most once per image per helper run:
 * - the same file, unchanged, was hashed before: the cache answers;
 * - an uncompressed file: a worker thread hashes it from the file while the drives are written;
 * - a compressed image: hashed from the bytes the pipeline decompresses anyway (`feed`).
 */
export function startImageSha256(
  image: ImageDescription,
  cache: ImageHashCache = imageHashCache,
): ImageSha256 {
  const unchanged = () => stillTheSameFile(image.readPath, image.identity);
  const keep = async (sha256: string) => {
    if (!(await unchanged())) return null;
    cache.set(image.identity, sha256);
    return sha256;
  };
  const known = cache.get(image.identity);
  if (known !== undefined) {
    return { feed: null, digest: async () => ((await unchanged()) ? known : null) };
  }
  if (image.compression === 'none' && image.size !== null) {
    const running = hashFileInWorker({ path: image.readPath, size: image.size, extents: image.extents });
    return {
      feed: null,
      async digest(readToTheEnd) {
        // Nothing left to vouch for: do not keep a cancelled job waiting for the hash.
        if (!readToTheEnd) running.stop();
        const sha256 = await running.result.catch(() => null);
        return sha256 === null ? null : keep(sha256);
      },
    };
  }
  const hash = createHash('sha256');
  return {
    feed: (buffer) => hash.update(buffer),
    digest: async (readToTheEnd) => (readToTheEnd ? keep(hash.digest('hex')) : null),
  };
}
