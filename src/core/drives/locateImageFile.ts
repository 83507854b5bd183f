import { stat } from 'node:fs/promises';
import { AppError } from '../../shared/errors';
import type { ImageInfo } from '../../shared/image';
import { devToMajMin, disksUnderDevice } from './blockTopology';

/** Size of an image file and the whole disks it lives on (which must never be written). */
export async function locateImageFile(path: string): Promise<ImageInfo> {
  const info = await stat(path, { bigint: true }).catch(() => null);
  if (!info) throw new AppError('imageNotFound', `The image file ${path} does not exist or cannot be read.`);
  if (!info.isFile()) throw new AppError('imageNotAFile', `${path} is not a regular file.`);
  const disks = await disksUnderDevice(devToMajMin(info.dev));
  return { path, size: Number(info.size), diskPaths: disks.map((disk) => `/dev/${disk}`) };
}
