import type { DriveFacts } from '../../shared/drives/driveFacts';
import { readDiskUsage } from './diskUsage';
import { listLoopDrives } from './listLoopDrives';
import { listPhysicalDrives } from './listPhysicalDrives';

export interface GatherOptions {
  /** Also list loop devices with a backing file, marked virtual. */
  includeVirtual: boolean;
}

/** One enumeration of every whole disk on the host, with the facts classification needs. */
export async function gatherDriveFacts(options: GatherOptions): Promise<DriveFacts[]> {
  const usage = await readDiskUsage();
  const [physical, loops] = await Promise.all([
    listPhysicalDrives(usage),
    options.includeVirtual ? listLoopDrives(usage) : Promise.resolve([]),
  ]);
  return [...physical, ...loops].sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
}
