import { Worker } from 'node:worker_threads';
import type { sourceDestination } from 'etcher-sdk';

export interface Sha256Tap {
  /** The digest once the pipeline read the whole image; null when it stopped early. */
  digest(readToTheEnd: boolean): Promise<string | null>;
}

type Chunk = Buffer | { buffer: Buffer };

/** Hashing runs on the other core: SHA-256 (~1.3 GB/s here) would otherwise slow every write. */
const WORKER = `
const { parentPort } = require('node:worker_threads');
const hash = require('node:crypto').createHash('sha256');
parentPort.on('message', (message) => {
  if (message === 'digest') parentPort.postMessage({ digest: hash.digest('hex') });
  else { hash.update(new Uint8Array(message)); parentPort.postMessage(message.byteLength); }
});`;

/** Bytes handed to the worker and not yet hashed, past which the source is paused. */
const MAX_QUEUED = 8 * 1024 * 1024;

/**
 * Hashes the bytes a pipeline reads from its source as they go past, so the audit SHA-256
 * costs no second read (nor a second decompression). etcher-sdk pipes the source stream to the
 * drives, and to its own verifier; we listen from the moment of the first pipe, not before, so
 * no chunk can flow before the drives are attached. Chunks are copied to a worker thread; the
 * source waits when the worker falls behind, so memory stays bounded.
 */
export function tapSha256(source: sourceDestination.SourceDestination): Sha256Tap {
  const worker = new Worker(WORKER, { eval: true });
  let queued = 0;
  let tapped: NodeJS.ReadableStream | null = null;
  let pausedByUs = false;
  worker.on('message', (message: unknown) => {
    if (typeof message !== 'number') return;
    queued -= message;
    if (pausedByUs && queued < MAX_QUEUED / 4) {
      pausedByUs = false;
      tapped?.resume();
    }
  });
  const onData = (chunk: Chunk) => {
    const buffer = Buffer.isBuffer(chunk) ? chunk : chunk.buffer;
    const copy = new Uint8Array(buffer.length);
    copy.set(buffer);
    queued += copy.length;
    worker.postMessage(copy.buffer, [copy.buffer]);
    if (queued > MAX_QUEUED && !pausedByUs) {
      pausedByUs = true;
      tapped?.pause();
    }
  };
  const tapStream = <S extends NodeJS.ReadableStream>(stream: S): S => {
    const pipe = stream.pipe.bind(stream);
    stream.pipe = ((destination: NodeJS.WritableStream, options?: { end?: boolean }) => {
      if (!tapped) {
        tapped = stream;
        stream.on('data', onData);
      }
      return pipe(destination, options);
    }) as S['pipe'];
    return stream;
  };
  const createReadStream = source.createReadStream.bind(source);
  source.createReadStream = async (options) => tapStream(await createReadStream(options));
  const createSparseReadStream = source.createSparseReadStream.bind(source);
  source.createSparseReadStream = async (options) => tapStream(await createSparseReadStream(options));
  return {
    async digest(readToTheEnd) {
      try {
        if (!readToTheEnd) return null;
        const result = new Promise<string>((resolve) =>
          worker.on('message', (message: unknown) => {
            if (typeof message === 'object' && message !== null)
              resolve((message as { digest: string }).digest);
          }),
        );
        worker.postMessage('digest');
        return await result;
      } finally {
        await worker.terminate();
      }
    },
  };
}
