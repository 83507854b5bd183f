import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { basename } from 'node:path';
import { devToMajMin, readSysBlockAttribute } from '../../core/drives/blockTopology';
import { RefusedError } from '../errors';

const refused = (code: 'driveChanged' | 'driveInUse', drive: string, message: string) =>
  new RefusedError([{ code, drive, message }]);

/**
 * Opens a checked drive the one time the boot test needs it: read-only, exclusive (nobody may
 * mount or flash it while the guest runs) and never through a symlink; then proves that what was
 * opened is the device the checks judged, by its device number against sysfs's for that name.
 * Checks go by name (/sys/class/block/loopN); a /dev entry swapped for another device's node or a
 * link after them would otherwise lend that other device. Everything afterwards (the read-only
 * flag, QEMU) uses this descriptor, never the path again.
 */
export async function pinDrive(path: string): Promise<FileHandle> {
  const handle = await open(path, constants.O_RDONLY | constants.O_EXCL | constants.O_NOFOLLOW).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ELOOP') {
        throw refused(
          'driveChanged',
          path,
          `${path} became a symbolic link after it was checked. Nothing was started.`,
        );
      }
      if (error.code === 'EBUSY') {
        throw refused(
          'driveInUse',
          path,
          `${path} is in use (mounted, or held by another program): a boot test runs only on a drive nothing else is using.`,
        );
      }
      throw error;
    },
  );
  try {
    const info = await handle.stat({ bigint: true });
    const expected = await readSysBlockAttribute(basename(path), 'dev');
    const opened = info.isBlockDevice() ? devToMajMin(info.rdev) : 'not a block device';
    if (expected === null || opened !== expected) {
      throw refused(
        'driveChanged',
        path,
        `${path} is not the device that was checked (it opens device ${opened}, the drive of that name is ${expected ?? 'gone'}). Nothing was started.`,
      );
    }
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}
