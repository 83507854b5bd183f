import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../shared/errors';
import type { ChosenImage } from '../../shared/image';
import { DISK_IMAGE_HEAD_BYTES, diskImageFormat } from '../../shared/imageFiles/diskImageFormat';
import { locateImageFile } from './locateImageFile';

const REFUSALS = {
  empty: 'is empty: there is nothing to write.',
  virtualMachineDisk:
    'is a virtual machine disk (qcow2, VMDK or VHD), which does not boot from a USB stick. Build a raw image or an ISO instead.',
  unknown:
    'is not a disk image Bootstick can write. Choose a .raw, .img or .iso file, optionally compressed (.xz, .gz, .bz2, .zip).',
} as const;

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
  if (!judged.ok) throw new AppError('imageNotADiskImage', `${path} ${REFUSALS[judged.reason]}`);
  return { ...info, format: judged.format };
}
