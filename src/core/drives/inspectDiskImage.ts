import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../shared/errors';
import { en } from '../../shared/i18n/catalogue';
import { translateFrom } from '../../shared/i18n/translate';
import type { ChosenImage } from '../../shared/image';
import { DISK_IMAGE_HEAD_BYTES, diskImageFormat } from '../../shared/imageFiles/diskImageFormat';
import { locateImageFile } from './locateImageFile';

/** Why a file is refused, in the catalogue's words (shared/i18n/words/imageFiles.ts). */
const say = translateFrom(en);

/** Reads the first bytes of a file (fewer when it is shorter). */
async function headOf(path: string): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(DISK_IMAGE_HEAD_BYTES);
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/**
 * An image file as the Image and Flash steps choose it: size, the disks it lives on, and its
 * format. A missing file, or one that holds no disk image the flash can write, is refused here,
 * before it replaces the image chosen so far.
 */
export async function inspectDiskImage(path: string): Promise<ChosenImage> {
  const info = await locateImageFile(path);
  const head = await headOf(path).catch(() => {
    throw new AppError('imageNotFound', `The image file ${path} cannot be read.`);
  });
  const judged = diskImageFormat(basename(path), head);
  if (!judged.ok) throw new AppError('imageNotADiskImage', say(`imageFiles.${judged.reason}`, { path }));
  return { ...info, format: judged.format };
}
