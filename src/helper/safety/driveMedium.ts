import { basename } from 'node:path';
import { readSysBlockAttribute } from '../../core/drives/blockTopology';
import { readCurrentIdentity } from '../../core/drives/driveIdentity';

/**
 * A drive as the medium it is now: the kernel's disk sequence number (a new number whenever a
 * device gets new media — another stick in the same /dev/sdX, a loop device attached again) and
 * the serial. What the helper remembers of a drive, to act on it later only if it is still that.
 */
export interface DriveMedium {
  diskseq: string | null;
  serial: string | null;
}

export async function mediumOf(path: string): Promise<DriveMedium> {
  const [diskseq, { serial }] = await Promise.all([
    readSysBlockAttribute(basename(path), 'diskseq'),
    readCurrentIdentity(path),
  ]);
  return { diskseq, serial };
}

/** Whether two looks saw the same medium. Without a sequence number (an old kernel) the serial alone must match, and must exist. */
export function sameMedium(then: DriveMedium, now: DriveMedium): boolean {
  if (then.diskseq !== null || now.diskseq !== null)
    return then.diskseq === now.diskseq && then.serial === now.serial;
  return then.serial !== null && then.serial === now.serial;
}
