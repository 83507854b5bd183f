import { sourceDestination } from 'etcher-sdk';
import type { ImageSummary } from '../../shared/flash';
import { dataExtents } from '../sparse/dataExtents';
import { type Extent, SparseFileSource } from './sparseFileSource';

export type Compression = ImageSummary['compression'];

export interface ImageDescription {
  path: string;
  compression: Compression;
  /** Decompressed size; null when the format does not say (bzip2). */
  size: number | null;
  /** gzip stores the size modulo 4 GiB: then it is only an estimate. */
  sizeIsEstimated: boolean;
  /** Data extents of an uncompressed file to write sparsely; null means write every byte. */
  extents: Extent[] | null;
}

export class ImageError extends Error {
  constructor(
    readonly code: 'imageUnreadable' | 'imageCorrupt' | 'notADiskImage',
    message: string,
  ) {
    super(message);
  }
}

function compressionOf(source: sourceDestination.SourceDestination): Compression {
  if (source instanceof sourceDestination.XzSource) return 'xz';
  if (source instanceof sourceDestination.GZipSource) return 'gzip';
  if (source instanceof sourceDestination.BZip2Source) return 'bzip2';
  if (source instanceof sourceDestination.ZipSource) return 'zip';
  return 'none';
}

/** The outermost decompressor (the one that says what the file is), and the innermost source. */
async function openLayers(path: string) {
  const file = new sourceDestination.File({ path });
  await file.open();
  const inner = await file.getInnerSource();
  return { file, inner };
}

/**
 * Reads what the image is without writing anything: its compression, its size once
 * decompressed, and (for an uncompressed file, unless every byte is wanted) its data extents.
 */
export async function describeImage(path: string, options: { full: boolean }): Promise<ImageDescription> {
  let layers: Awaited<ReturnType<typeof openLayers>>;
  try {
    layers = await openLayers(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      throw new ImageError('imageUnreadable', `The image ${path} cannot be read (${code}).`);
    }
    throw new ImageError(
      'notADiskImage',
      `${path} holds no disk image Bootstick can write: ${String(error)}`,
    );
  }
  const { file, inner } = layers;
  try {
    const metadata = await inner.getMetadata().catch((error: unknown) => {
      throw new ImageError('imageCorrupt', `The image ${path} is damaged or incomplete: ${String(error)}`);
    });
    const compression = compressionOf(inner);
    const size = metadata.size ?? null;
    if (size === 0) throw new ImageError('notADiskImage', `${path} is empty: there is nothing to write.`);
    const extents = compression === 'none' && !options.full ? await dataExtents(path) : null;
    return { path, compression, size, sizeIsEstimated: metadata.isSizeEstimated === true, extents };
  } finally {
    await inner.close().catch(() => {});
    await file.close().catch(() => {});
  }
}

/** A fresh, unopened source for one drive's pipeline: sparse extents, or the (decompressed) stream. */
export async function openImageSource(image: ImageDescription): Promise<sourceDestination.SourceDestination> {
  if (image.extents) return new SparseFileSource(image.path, image.extents);
  const { inner } = await openLayers(image.path);
  return inner;
}
