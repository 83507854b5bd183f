import type { ImageType } from './diskImages/imageTypes';

/**
 * What QEMU boots as it is: a raw disk, a qcow2, an ISO. Not vmdk or vhd (other hypervisors'
 * formats, which the boot test does not read), nor a compressed file (it would need unpacking).
 */
const BOOTABLE_TYPES: readonly ImageType[] = ['raw', 'qcow2', 'iso', 'anaconda-iso'];
const BOOTABLE_FILE = /\.(raw|img|qcow2|iso)$/i;

export const isBootTestableType = (type: ImageType): boolean => BOOTABLE_TYPES.includes(type);

/** A file the boot test can start from its name alone: a disk image, not a compressed one. */
export const isBootTestableFile = (path: string): boolean => path.startsWith('/') && BOOTABLE_FILE.test(path);
