import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Where sysfs lives; tests never change it, but naming it keeps the paths below readable. */
const SYS = '/sys';

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function listDir(path: string): Promise<string[]> {
  return readdir(path).catch(() => []);
}

/** Linux dev_t → "major:minor" (glibc's encoding, as Node reports st_dev / st_rdev). */
export function devToMajMin(dev: bigint): string {
  const major = ((dev >> 8n) & 0xfffn) | ((dev >> 32n) & ~0xfffn);
  const minor = (dev & 0xffn) | ((dev >> 12n) & ~0xffn);
  return `${major}:${minor}`;
}

/**
 * The whole disks a sysfs block device sits on: a partition's parent, or for a stacked device
 * (LVM, LUKS, md RAID) every disk under its slaves, recursively.
 */
async function disksUnderSysPath(sysPath: string): Promise<string[]> {
  if (await exists(join(sysPath, 'partition'))) return [basename(dirname(sysPath))];
  const slaves = await listDir(join(sysPath, 'slaves'));
  if (slaves.length === 0) return [basename(sysPath)];
  const nested = await Promise.all(
    slaves.map(async (slave) => disksUnderSysPath(await realpath(join(sysPath, 'slaves', slave)))),
  );
  return [...new Set(nested.flat())];
}

/** Whole-disk kernel names ("sda", "loop3") under a device number; [] for non-block filesystems. */
export async function disksUnderDevice(majMin: string): Promise<string[]> {
  const sysPath = await realpath(join(SYS, 'dev/block', majMin)).catch(() => null);
  return sysPath ? disksUnderSysPath(sysPath) : [];
}

/** Kernel holders (md, dm devices) of a disk or any of its partitions. */
export async function holdersOfDisk(disk: string): Promise<string[]> {
  const diskDir = join(SYS, 'block', disk);
  const partitions = (await listDir(diskDir)).filter((entry) => entry.startsWith(disk));
  const dirs = [diskDir, ...partitions.map((partition) => join(diskDir, partition))];
  const holders = await Promise.all(dirs.map((dir) => listDir(join(dir, 'holders'))));
  return [...new Set(holders.flat())];
}

/** The card type of an mmcblk device ("SD", "MMC", "SDIO"), or null for anything else. */
export async function mmcTypeOfDisk(disk: string): Promise<string | null> {
  if (!disk.startsWith('mmcblk')) return null;
  const type = await readFile(join(SYS, 'block', disk, 'device/type'), 'utf8').catch(() => null);
  return type?.trim() || null;
}

export async function readSysBlockAttribute(disk: string, attribute: string): Promise<string | null> {
  const value = await readFile(join(SYS, 'block', disk, attribute), 'utf8').catch(() => null);
  return value === null ? null : value.trim();
}

export async function listSysBlockDevices(): Promise<string[]> {
  return listDir(join(SYS, 'block'));
}
