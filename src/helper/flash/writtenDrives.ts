import { basename } from 'node:path';
import { readSysBlockAttribute } from '../../core/drives/blockTopology';
import { readCurrentIdentity } from '../../core/drives/driveIdentity';

/**
 * The drives this helper wrote, each as the medium it was then: the kernel's disk sequence number
 * (a new number whenever a device gets new media — another stick in the same /dev/sdX, a loop
 * device attached again) and the serial. Only a drive that is still exactly that medium may be
 * powered off on a caller's word: a compromised app must not be able to switch off the system
 * disk or a drive nobody wrote.
 */
interface Medium {
  diskseq: string | null;
  serial: string | null;
}

const written = new Map<string, Medium>();

async function mediumOf(path: string): Promise<Medium> {
  const [diskseq, { serial }] = await Promise.all([
    readSysBlockAttribute(basename(path), 'diskseq'),
    readCurrentIdentity(path),
  ]);
  return { diskseq, serial };
}

/** Remembers a drive this helper has just written (and verified, when asked). */
export async function rememberWritten(path: string): Promise<void> {
  written.set(path, await mediumOf(path));
}

/** Whether the drive at `path` is still the medium this helper wrote there. */
export async function isStillWritten(path: string): Promise<boolean> {
  const then = written.get(path);
  if (!then) return false;
  const now = await mediumOf(path);
  // Without a sequence number (an old kernel) the serial alone must match, and must exist.
  if (then.diskseq !== null || now.diskseq !== null)
    return then.diskseq === now.diskseq && then.serial === now.serial;
  return then.serial !== null && then.serial === now.serial;
}

/** Forgets a drive (powered off: it is gone from the system). */
export function forgetWritten(path: string): void {
  written.delete(path);
}
