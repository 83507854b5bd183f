/**
 * Everything known about one whole-disk block device, gathered by main (drivelist + sysfs +
 * the mount table). Pure data, so classification can be tested over recorded hardware.
 */
export interface DriveFacts {
  path: string;
  description: string;
  /** null when the device reports no media (a card reader with no card). */
  size: number | null;
  /** Upper-case transport, as drivelist reports it: USB, SATA, NVME, MMC, UNKNOWN, VIRTUAL… */
  busType: string;
  removable: boolean;
  readOnly: boolean;
  /** drivelist's own guess (not removable and not virtual); refined by classifyDrive. */
  drivelistSystem: boolean;
  /** A loop device with a backing file. */
  virtual: boolean;
  backingFile: string | null;
  /** Every mountpoint on the disk, its partitions, and devices stacked on them (LVM, LUKS, md). */
  mountpoints: string[];
  /** The subset of mountpoints the running system needs (/, /boot, /usr, swap, …). */
  systemMounts: string[];
  /** Kernel holders of the disk or its partitions: md (RAID) and dm (LVM, LUKS) devices. */
  holders: string[];
  /** For mmcblk devices, the card type sysfs reports: SD cards are removable media. */
  mmcType: string | null;
}

/** Mountpoints whose disk the running system cannot lose. */
export const SYSTEM_MOUNTPOINTS = ['/', '/boot', '/boot/efi', '/efi', '/usr', '/var', '/home', '[SWAP]'];

export function isSystemMountpoint(mountpoint: string): boolean {
  return SYSTEM_MOUNTPOINTS.includes(mountpoint);
}
