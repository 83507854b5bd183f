import { constants } from 'etcher-sdk';
import { type AlignedLockableBuffer, createBuffer } from 'etcher-sdk/build/aligned-lockable-buffer.js';
import { BlockTransformStream } from 'etcher-sdk/build/block-transform-stream.js';

/** 4 KiB: a multiple of every drive's logical block size, as O_DIRECT needs. */
const ALIGNMENT = 4096;

/**
 * Cuts a decompressed stream into aligned 1 MiB chunks for O_DIRECT writes, each in a buffer
 * of its own. etcher-sdk's BlockTransformStream recycles a small ring of buffers and releases
 * each one as soon as it is pushed, before the drive has written it: a fast decompressor (xz
 * over runs of zeros) then overwrites chunks still queued, and the drive gets bytes from
 * elsewhere in the image (seen here: a .xz image verified with a mismatch at 24 MiB; Etcher's
 * ".img.xz validation failures" look like the same bug). It extends BlockTransformStream only
 * so that etcher-sdk recognises the stream as aligned and does not wrap it in its own.
 */
export class FreshAlignedChunks extends BlockTransformStream {
  private current: AlignedLockableBuffer;
  private filled = 0;

  constructor(private readonly chunkSize: number = constants.CHUNK_SIZE) {
    super({ chunkSize, alignment: ALIGNMENT, numBuffers: 2 });
    this.current = createBuffer(chunkSize, ALIGNMENT);
  }

  override _transform(chunk: Buffer, _encoding: string, callback: (error?: Error) => void): void {
    let offset = 0;
    while (offset < chunk.length) {
      const copied = chunk.copy(this.current as unknown as Uint8Array, this.filled, offset);
      this.filled += copied;
      offset += copied;
      this.bytesRead += copied;
      if (this.filled === this.chunkSize) this.pushCurrent();
    }
    callback();
  }

  override _flush(callback: (error?: Error) => void): void {
    if (this.filled > 0) this.pushCurrent();
    callback();
  }

  private pushCurrent(): void {
    // etcher-sdk's lockable buffer (its writer read-locks it while writing); ours is never reused.
    this.push(this.filled === this.chunkSize ? this.current : this.current.slice(0, this.filled));
    this.bytesWritten += this.filled;
    this.current = createBuffer(this.chunkSize, ALIGNMENT);
    this.filled = 0;
  }
}
