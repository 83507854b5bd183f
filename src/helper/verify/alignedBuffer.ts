import { createRequire } from 'node:module';

// @ronomon/direct-io's entry point is its .node binary, which ESM `import` cannot load.
const directIo = createRequire(import.meta.url)('@ronomon/direct-io') as {
  getAlignedBuffer(size: number, alignment: number): Buffer;
};

/** O_DIRECT reads need memory aligned to the device's block size; 4 KiB covers every device. */
const MEMORY_ALIGNMENT = 4096;

/** A Buffer whose memory is aligned for O_DIRECT reads. */
export function alignedBuffer(size: number): Buffer {
  return directIo.getAlignedBuffer(size, MEMORY_ALIGNMENT);
}
