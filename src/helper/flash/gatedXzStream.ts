import { open } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Transform } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';

// lzma-native is CommonJS with a native part; load it the CommonJS way.
const lzma = createRequire(import.meta.url)('lzma-native') as { createDecompressor(): Transform };

/** Compressed bytes fed per step: small, because LZMA can expand a few KiB of zeros to megabytes. */
const INPUT_STEP = 16 * 1024;
/** Decompressed bytes allowed to wait for the drives before feeding more input. */
const OUTPUT_LIMIT = 16 * 1024 * 1024;

/**
 * An .xz image decompressed as a stream whose memory stays bounded. lzma-native keeps
 * producing output whatever its reader says (no backpressure): through etcher-sdk's XzSource a
 * 4 GiB image of mostly zeros grew the helper to 2.6 GB while slower drives caught up. Here the
 * compressed input is only fed while less than OUTPUT_LIMIT of output waits to be read.
 */
export function gatedXzStream(path: string): Transform {
  const decompressor = lzma.createDecompressor();
  void (async () => {
    const file = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(INPUT_STEP);
      for (let position = 0; ; ) {
        while (decompressor.readableLength > OUTPUT_LIMIT && !decompressor.destroyed) await delay(2);
        if (decompressor.destroyed) return;
        const { bytesRead } = await file.read(buffer, 0, buffer.length, position);
        if (bytesRead === 0) break;
        position += bytesRead;
        if (!decompressor.write(Buffer.from(buffer.subarray(0, bytesRead)))) {
          await new Promise((resolve) => decompressor.once('drain', resolve));
        }
      }
      decompressor.end();
    } catch (error) {
      decompressor.destroy(error as Error);
    } finally {
      await file.close();
    }
  })();
  return decompressor;
}
