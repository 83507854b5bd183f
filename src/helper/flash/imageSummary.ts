import type { ImageSummary } from '../../shared/flash';
import { extentBytes } from '../sparse/extent';
import type { ImageDescription } from './imageSource';

/**
 * The report's account of an image. `countedSize` is how many bytes the job read from it: the
 * size wherever the format does not tell it for sure (bzip2 not at all, gzip only modulo 4 GiB).
 */
export function summarizeImage(
  image: ImageDescription,
  sha256: string | null,
  countedSize: number,
): ImageSummary {
  const size = image.size !== null && !image.sizeIsEstimated ? image.size : countedSize;
  return {
    path: image.path,
    size,
    sha256,
    compression: image.compression,
    mappedSize: image.extents ? extentBytes(image.extents) : size,
    extentCount: image.extents?.length ?? null,
  };
}
