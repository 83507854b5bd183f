import { createHash } from 'node:crypto';
import type { sourceDestination } from 'etcher-sdk';

export interface Sha256Tap {
  /** The digest once the pipeline read the whole image; null when it stopped early. */
  digest(readToTheEnd: boolean): Promise<string | null>;
  readonly bytes: number;
}

type Chunk = Buffer | { buffer: Buffer };

/**
 * Hashes the bytes a pipeline reads from its source as they go past, so the audit SHA-256
 * costs no second read (nor a second decompression). etcher-sdk pipes the source stream to the
 * drives, and to its own verifier; we listen from the moment of the first pipe, not before, so
 * no chunk can flow before the drives are attached.
 */
export function tapSha256(source: sourceDestination.SourceDestination): Sha256Tap {
  const hash = createHash('sha256');
  let bytes = 0;
  const onData = (chunk: Chunk) => {
    const buffer = Buffer.isBuffer(chunk) ? chunk : chunk.buffer;
    hash.update(buffer);
    bytes += buffer.length;
  };
  const tapStream = <S extends NodeJS.ReadableStream>(stream: S): S => {
    const pipe = stream.pipe.bind(stream);
    let tapped = false;
    stream.pipe = ((destination: NodeJS.WritableStream, options?: { end?: boolean }) => {
      if (!tapped) {
        tapped = true;
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
      return readToTheEnd ? hash.digest('hex') : null;
    },
    get bytes() {
      return bytes;
    },
  };
}
