import { open } from 'node:fs/promises';
import { sourceDestination } from 'etcher-sdk';
import type { ImageSummary } from '../../shared/flash';
import { fileIdentity } from '../imageHash/fileIdentity';
import { dataExtents } from '../sparse/dataExtents';
import { type Extent, extentBytes } from '../sparse/extent';
import { FreshAlignedChunks } from './freshAlignedChunks';
import { gatedXzStream } from './gatedXzStream';
import { SparseFileSource } from './sparseFileSource';

export type Compression = ImageSummary['compression'];

export interface ImageDescription {
  /** The image as the person named it: for reports and messages. */
  path: string;
  /** Where to read it: the file opened for this job (see openImageAsCaller), never the name again. */
  readPath: string;
  compression: Compression;
  /** Decompressed size; null when the format does not say (bzip2). */
  size: number | null;
  /** gzip stores the size modulo 4 GiB: then it is only an estimate. */
  sizeIsEstimated: boolean;
  /** Data extents of an uncompressed file to write sparsely; null means write every byte. */
  extents: Extent[] | null;
  /** The file as it was when described (see fileIdentity): a job checks it did not change. */
  identity: string;
}

export class ImageError extends Error {
  constructor(
    readonly code: 'imageUnreadable' | 'imageCorrupt' | 'notADiskImage',
    message: string,
    /** The system's or decompressor's own words, kept apart for translation (see DriveError). */
    readonly detail?: string,
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

/**
 * Extents pay off when holes are a real share of the image (bootc's disk.raw is mostly holes).
 * A dense file goes through etcher-sdk's plain path, which is faster than per-extent reads and
 * checksums when there is nothing to skip.
 */
function worthWritingSparsely(extents: Extent[], size: number | null): Extent[] | null {
  return size !== null && extentBytes(extents) < size * 0.9 ? extents : null;
}

/** Magic numbers of the compressed formats etcher-sdk reads: a file that starts like one is one. */
const COMPRESSED_MAGIC: [Compression, Buffer][] = [
  ['xz', Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])],
  ['gzip', Buffer.from([0x1f, 0x8b])],
  ['bzip2', Buffer.from('BZh')],
  ['zip', Buffer.from([0x50, 0x4b, 0x03, 0x04])],
];

async function looksCompressed(path: string): Promise<boolean> {
  const head = Buffer.alloc(6);
  const file = await open(path, 'r');
  try {
    await file.read(head, 0, head.length, 0);
  } finally {
    await file.close();
  }
  return COMPRESSED_MAGIC.some(([, magic]) => head.subarray(0, magic.length).equals(magic));
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
export async function describeImage(
  path: string,
  options: { full: boolean; readPath: string },
): Promise<ImageDescription> {
  const { readPath } = options;
  let layers: Awaited<ReturnType<typeof openLayers>>;
  try {
    layers = await openLayers(readPath);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      throw new ImageError('imageUnreadable', `The image ${path} cannot be read (${code}).`, code);
    }
    if (await looksCompressed(readPath).catch(() => false)) {
      throw new ImageError(
        'imageCorrupt',
        `The image ${path} is damaged or incomplete: ${String(error)}`,
        String(error),
      );
    }
    throw new ImageError(
      'notADiskImage',
      `${path} holds no disk image Bootstick can write: ${String(error)}`,
      String(error),
    );
  }
  const { file, inner } = layers;
  try {
    // Taken before anything is read from it, so any change from here on shows at the job's end.
    const identity = await fileIdentity(readPath);
    const metadata = await inner.getMetadata().catch((error: unknown) => {
      throw new ImageError(
        'imageCorrupt',
        `The image ${path} is damaged or incomplete: ${String(error)}`,
        String(error),
      );
    });
    const compression = compressionOf(inner);
    const size = metadata.size ?? null;
    if (size === 0) throw new ImageError('notADiskImage', `${path} is empty: there is nothing to write.`);
    const extents =
      compression === 'none' && !options.full
        ? worthWritingSparsely(await dataExtents(readPath), size)
        : null;
    const sizeIsEstimated = metadata.isSizeEstimated === true;
    return { path, readPath, compression, size, sizeIsEstimated, extents, identity };
  } finally {
    await inner.close().catch(() => {});
    await file.close().catch(() => {});
  }
}

/** A fresh source for a pipeline: sparse extents, the raw file, or the decompressed stream. */
export async function openImageSource(image: ImageDescription): Promise<sourceDestination.SourceDestination> {
  if (image.extents) return new SparseFileSource(image.readPath, image.extents);
  const { inner } = await openLayers(image.readPath);
  if (image.compression !== 'none') {
    // Decompressed data goes to the drives through our own aligner (see FreshAlignedChunks).
    const createReadStream = inner.createReadStream.bind(inner);
    inner.createReadStream = async (options) => {
      const stream =
        image.compression === 'xz'
          ? gatedXzStream(image.readPath)
          : await createReadStream({ ...options, alignment: undefined });
      const aligned = new FreshAlignedChunks();
      stream.on('error', (error: Error) => aligned.destroy(error));
      return stream.pipe(aligned);
    };
  }
  return inner;
}
