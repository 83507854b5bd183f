import { list } from 'drivelist';
import type { DriveFacts } from '../../shared/drives/driveFacts';
import { holdersOfDisk, mmcTypeOfDisk } from './blockTopology';
import type { DiskUsage } from './diskUsage';
import { factsFromDrivelist, kernelName } from './factsFromDrivelist';

/**
 * drivelist marks devices with no bus at all (zram swap, RAM disks) as virtual and removable.
 * They are memory, not drives: never offer them. Loop devices are listed separately.
 */
function isMemoryDevice(drive: { isVirtual: boolean | null }): boolean {
  return drive.isVirtual === true;
}

/** Physical drives as drivelist sees them, completed with sysfs facts and the mount table. */
export async function listPhysicalDrives(usage: DiskUsage): Promise<DriveFacts[]> {
  const drives = (await list()).filter((drive) => !isMemoryDevice(drive));
  return Promise.all(
    drives.map(async (drive) => {
      const name = kernelName(drive);
      return factsFromDrivelist(drive, {
        mountpoints: usage.get(name) ?? [],
        holders: await holdersOfDisk(name),
        mmcType: await mmcTypeOfDisk(name),
      });
    }),
  );
}
