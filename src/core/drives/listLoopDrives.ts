import { basename } from 'node:path';
import type { DriveFacts } from '../../shared/drives/driveFacts';
import { holdersOfDisk, listSysBlockDevices, readSysBlockAttribute } from './blockTopology';
import type { DiskUsage } from './diskUsage';
import { systemMountsOf } from './diskUsage';

/**
 * Loop devices that have a backing file, as virtual drives. drivelist omits every loop device,
 * so these come straight from sysfs: /sys/block/loopN/loop/backing_file exists only while attached.
 */
export async function listLoopDrives(usage: DiskUsage): Promise<DriveFacts[]> {
  const loops = (await listSysBlockDevices()).filter((name) => /^loop\d+$/.test(name));
  const drives = await Promise.all(
    loops.map(async (name): Promise<DriveFacts | null> => {
      const backingFile = await readSysBlockAttribute(name, 'loop/backing_file');
      if (!backingFile) return null;
      const sectors = Number(await readSysBlockAttribute(name, 'size'));
      const mountpoints = usage.get(name) ?? [];
      return {
        path: `/dev/${name}`,
        description: basename(backingFile),
        size: sectors > 0 ? sectors * 512 : null,
        busType: 'VIRTUAL',
        removable: true,
        readOnly: (await readSysBlockAttribute(name, 'ro')) === '1',
        drivelistSystem: false,
        virtual: true,
        backingFile,
        mountpoints,
        systemMounts: systemMountsOf(mountpoints),
        holders: await holdersOfDisk(name),
        mmcType: null,
      };
    }),
  );
  return drives.filter((drive): drive is DriveFacts => drive !== null);
}
