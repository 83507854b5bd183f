import { constants } from 'etcher-sdk';
import type { AlignedLockableBuffer } from 'etcher-sdk/build/aligned-lockable-buffer.js';
import { BlockTransformStream } from 'etcher-sdk/build/block-transform-stream.js';
import { alignedBuffer, MEMORY_ALIGNMENT } from '../verify/alignedBuffer';

const unlocked = async () => () => {};

/**
 * A chunk in the shape etcher-sdk's writer expects (it read-locks lockable buffers while
 * writing). A chunk here is never reused, so its locks have nothing to guard.
 */
function freshChunk(size: number): AlignedLockableBuffer {
  const buffer = alignedBuffer(size) as AlignedLockableBuffer;
  buffer.alignment = MEMORY_ALIGNMENT;
  buffer.lock = unlocked;
  buffer.rlock = unlocked;
  const slice = buffer.slice.bind(buffer);
  buffer.slice = (start?: number, end?: number) => {
    const part = slice(start, end) as AlignedLockableBuffer;
    Object.assign(part, { alignment: MEMORY_ALIGNMENT, lock: unlocked, rlock: unlocked });
    return part;
  };
  return buffer;
}

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
    super({ chunkSize, alignment: MEMORY_ALIGNMENT, numBuffers: 2 });
    this.current = freshChunk(chunkSize);
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
    this.push(this.filled === this.chunkSize ? this.current : this.current.slice(0, this.filled));
    this.bytesWritten += this.filled;
    this.current = freshChunk(this.chunkSize);
    this.filled = 0;
  }
}
