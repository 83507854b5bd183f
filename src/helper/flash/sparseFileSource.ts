import { constants, type sourceDestination as SD, sourceDestination, sparseStream } from 'etcher-sdk';
import { type Extent, extentBytes } from '../sparse/extent';

/**
 * A raw image file read as its data extents only, the way bmaptool writes: etcher-sdk then
 * writes just these blocks and verifies just these blocks (one checksum per extent).
 * bootc raw images are ~10 GiB and mostly holes, with an xfs root that etcher-sdk's ext-only
 * trim cannot map, so this is where most of the speed comes from.
 */
export class SparseFileSource extends sourceDestination.File {
  constructor(
    path: string,
    private readonly extents: readonly Extent[],
  ) {
    super({ path });
  }

  override async canCreateSparseReadStream(): Promise<boolean> {
    return true;
  }

  override async createSparseReadStream({
    generateChecksums = false,
    alignment,
    numBuffers = 2,
  }: SD.CreateSparseReadStreamOptions = {}): Promise<sparseStream.SparseReadStream> {
    const blocks = this.extents.map((extent) => ({
      blocks: [{ offset: extent.offset, length: extent.length }],
      ...(generateChecksums ? { checksumType: 'xxhash3' as const } : {}),
    }));
    return new sparseStream.SparseReadStream({
      source: this,
      blocks,
      chunkSize: constants.CHUNK_SIZE,
      verify: false,
      generateChecksums,
      alignment,
      numBuffers,
    });
  }

  protected override async _getMetadata(): Promise<SD.Metadata> {
    const metadata = await super._getMetadata();
    return { ...metadata, blockmappedSize: extentBytes(this.extents) };
  }
}
