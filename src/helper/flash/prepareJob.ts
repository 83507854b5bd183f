import { basename } from 'node:path';
import { readSysBlockAttribute } from '../../core/drives/blockTopology';
import { locateImageFile } from '../../core/drives/locateImageFile';
import { RefusedError } from '../errors';
import { helperCaller } from '../safety/caller';
import { checkTargets, type TargetPurpose } from '../safety/checkTargets';
import { CallerCannotReadError, openImageAsCaller } from '../safety/openImageAsCaller';
import { describeImage, ImageError } from './imageSource';

export async function logicalBlockSize(device: string): Promise<number> {
  const size = Number(await readSysBlockAttribute(basename(device), 'queue/logical_block_size'));
  return size > 0 ? size : 512;
}

const refusedFor = (error: ImageError) =>
  new RefusedError([
    {
      code: error.code,
      drive: null,
      message: error.message,
      ...(error.detail ? { detail: error.detail } : {}),
    },
  ]);

/**
 * Opens the image as the person who asked, reads what it is, and checks every target, refusing
 * the whole job before anything is written. The job reads the image only through the file
 * opened here, and calls `release` when done.
 */
export async function prepareJob(
  imagePath: string,
  drives: readonly string[],
  options: { full: boolean; includeVirtual: boolean; purpose: TargetPurpose },
) {
  const pinned = await openImageAsCaller(imagePath, await helperCaller()).catch((error: unknown) => {
    const { code, message } = error as { code?: string; message?: string };
    const detail =
      error instanceof CallerCannotReadError ? (message ?? code ?? 'EACCES') : (code ?? String(error));
    throw refusedFor(
      new ImageError('imageUnreadable', `The image ${imagePath} cannot be read (${detail}).`, detail),
    );
  });
  try {
    const image = await describeImage(imagePath, { full: options.full, readPath: pinned.readPath }).catch(
      (error: unknown) => {
        throw error instanceof ImageError ? refusedFor(error) : error;
      },
    );
    const location = await locateImageFile(pinned.readPath);
    // An unknown or estimated size (bzip2; gzip keeps it modulo 4 GiB, and a damaged gzip's is
    // garbage) cannot prove a drive too small: such a write fails with imageTooLarge instead.
    const knownSize = image.size !== null && !image.sizeIsEstimated ? image.size : 0;
    const safety = { size: knownSize, diskPaths: location.diskPaths };
    const checked = await checkTargets(drives, safety, options.includeVirtual, options.purpose);
    if (!checked.ok) throw new RefusedError(checked.refusals);
    return { image, targets: checked.targets, release: pinned.close };
  } catch (error) {
    await pinned.close();
    throw error;
  }
}
