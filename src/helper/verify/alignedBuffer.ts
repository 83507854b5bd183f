import { blockIoAddon } from '../native/blockIoAddon';

/** O_DIRECT needs memory aligned to the device's block size; 4 KiB covers every device. */
export const MEMORY_ALIGNMENT = 4096;

/** A Buffer whose memory is aligned for O_DIRECT I/O (and that the garbage collector accounts for). */
export function alignedBuffer(size: number): Buffer {
  return blockIoAddon().alignedBuffer(size, MEMORY_ALIGNMENT);
}
