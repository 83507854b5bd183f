import type { sourceDestination } from 'etcher-sdk';

type Chunk = Buffer | { buffer: Buffer };

/**
 * Hands `onChunk` every chunk a pipeline reads from its source, in order, as it goes past: a
 * compressed image's decompressed bytes exist only there, so its audit hash is taken there (no
 * second decompression). etcher-sdk pipes the source stream to the drives, and to its own
 * verifier; we listen from the moment of the first pipe, not before, so no chunk can flow before
 * the drives are attached.
 */
export function tapSourceChunks(
  source: sourceDestination.SourceDestination,
  onChunk: (buffer: Buffer) => void,
): void {
  const onData = (chunk: Chunk) => onChunk(Buffer.isBuffer(chunk) ? chunk : chunk.buffer);
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
}
