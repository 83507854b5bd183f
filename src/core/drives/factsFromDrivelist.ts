import { basename } from 'node:path';
import type { Drive } from 'drivelist';
import type { DriveFacts } from '../../shared/drives/driveFacts';
import { systemMountsOf } from './diskUsage';

/** What sysfs and the mount table add to a drivelist entry. */
export interface HostDiskFacts {
  /** Mountpoints found through partitions and stacked devices (drivelist sees one level only). */
  mountpoints: string[];
  holders: string[];
  mmcType: string | null;
}

export const NO_HOST_FACTS: HostDiskFacts = { mountpoints: [], holders: [], mmcType: null };

/** The kernel name of a drivelist entry ("/dev/sda" → "sda"). */
export function kernelName(drive: Pick<Drive, 'raw' | 'device'>): string {
  return basename(drive.raw || drive.device);
}

/** Merges a drivelist entry with what the host knows about the same disk. */
export function factsFromDrivelist(drive: Drive, host: HostDiskFacts): DriveFacts {
  const mountpoints = [
    ...new Set([...drive.mountpoints.map((mountpoint) => mountpoint.path), ...host.mountpoints]),
  ];
  return {
    path: drive.device,
    description: drive.description,
    size: drive.size,
    busType: drive.busType,
    removable: drive.isRemovable,
    readOnly: drive.isReadOnly,
    drivelistSystem: drive.isSystem,
    virtual: false,
    backingFile: null,
    mountpoints,
    systemMounts: systemMountsOf(mountpoints),
    holders: host.holders,
    mmcType: host.mmcType,
  };
}
