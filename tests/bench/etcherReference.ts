import type { Drive } from 'drivelist';
import { multiWrite, sourceDestination } from 'etcher-sdk';

/**
 * etcher-sdk's default path as Etcher drives it: decompressThenFlash with verification, trim
 * (autoBlockmapping) and decompressFirst on. The one change: BlockDevice would unmount through
 * mountutils (NAN, not built here); the bench targets are never mounted, so opening skips it.
 */
class UnmountFreeBlockDevice extends sourceDestination.BlockDevice {
  protected override async _open(): Promise<void> {
    await sourceDestination.File.prototype['_open'].call(this);
  }
  protected override async _close(): Promise<void> {
    await sourceDestination.File.prototype['_close'].call(this);
  }
}

export async function flashWithEtcherSdk(
  image: string,
  drives: { path: string; size: number }[],
): Promise<void> {
  const destinations = drives.map(
    ({ path, size }) =>
      new UnmountFreeBlockDevice({
        drive: {
          device: path,
          raw: path,
          size,
          blockSize: 512,
          logicalBlockSize: 512,
          isReadOnly: false,
          mountpoints: [],
        } as unknown as Drive,
        write: true,
        direct: true,
      }),
  );
  const failures: string[] = [];
  await multiWrite.decompressThenFlash({
    source: new sourceDestination.File({ path: image }),
    destinations,
    verify: true,
    trim: true,
    decompressFirst: true,
    // Etcher's own formula (child-writer.ts).
    numBuffers: Math.min(2 + (destinations.length - 1) * 32, 256),
    onFail: (destination, error) =>
      failures.push(`${(destination as UnmountFreeBlockDevice).device}: ${error.message}`),
    onProgress: () => {},
  });
  if (failures.length > 0) throw new Error(`etcher-sdk reference failed: ${failures.join('; ')}`);
}
