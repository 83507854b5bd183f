import { readFile, stat } from 'node:fs/promises';
import { isSystemMountpoint } from '../../shared/drives/driveFacts';
import { devToMajMin, disksUnderDevice } from './blockTopology';
import { parseMountinfo, parseSwaps } from './mountTable';

/** Mountpoints (and "[SWAP]") per whole-disk kernel name, through partitions and stacked devices. */
export type DiskUsage = Map<string, string[]>;

async function swapDeviceNumbers(): Promise<string[]> {
  const text = await readFile('/proc/swaps', 'utf8').catch(() => '');
  const numbers = await Promise.all(
    parseSwaps(text).map(async (path) => {
      const info = await stat(path, { bigint: true }).catch(() => null);
      if (!info) return null;
      // A swap partition is a block device (its own number); a swap file lives on st_dev.
      return devToMajMin(info.isBlockDevice() ? info.rdev : info.dev);
    }),
  );
  return numbers.filter((majMin): majMin is string => majMin !== null);
}

/** Reads the mount table and swap list once and maps each whole disk to what is mounted from it. */
export async function readDiskUsage(): Promise<DiskUsage> {
  const mounts = parseMountinfo(await readFile('/proc/self/mountinfo', 'utf8'));
  const uses = [
    ...mounts.map((mount) => ({ majMin: mount.majMin, mountpoint: mount.mountpoint })),
    ...(await swapDeviceNumbers()).map((majMin) => ({ majMin, mountpoint: '[SWAP]' })),
  ];
  const disksByNumber = new Map<string, Promise<string[]>>();
  const usage: DiskUsage = new Map();
  for (const use of uses) {
    if (!disksByNumber.has(use.majMin)) disksByNumber.set(use.majMin, disksUnderDevice(use.majMin));
  }
  for (const use of uses) {
    for (const disk of (await disksByNumber.get(use.majMin)) ?? []) {
      const list = usage.get(disk) ?? [];
      if (!list.includes(use.mountpoint)) list.push(use.mountpoint);
      usage.set(disk, list);
    }
  }
  return usage;
}

export function systemMountsOf(mountpoints: readonly string[]): string[] {
  return mountpoints.filter(isSystemMountpoint);
}
