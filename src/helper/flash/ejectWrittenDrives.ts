import type { EjectDrivesRequest, EjectDrivesResult, EjectOutcome } from '../../shared/station/ejectDrives';
import { checkTargets } from '../safety/checkTargets';
import { ejectDrive } from './ejectDrive';
import { forgetWritten, isStillWritten } from './writtenDrives';

/** Nothing is written or compared: the checks only ask whether the drive is safe to touch. */
const NO_IMAGE = { size: 0, diskPaths: [] };

/**
 * "Eject all": powers off each named drive that this helper wrote and that is still the same
 * medium, not mounted and not the system disk (the flash path's own checks, again now). Anything
 * else is refused and left exactly as it is; one drive's refusal does not stop the others.
 */
export async function ejectWrittenDrives(request: EjectDrivesRequest): Promise<EjectDrivesResult> {
  const drives: EjectOutcome[] = [];
  for (const drive of new Set(request.drives)) {
    if (!(await isStillWritten(drive))) {
      drives.push({
        drive,
        outcome: 'refused',
        reason: 'notWritten',
        message: `${drive} is not a drive Bootstick wrote since it was put in: it is left as it is.`,
      });
      continue;
    }
    const checked = await checkTargets([drive], NO_IMAGE, true, 'read');
    if (!checked.ok) {
      const message = checked.refusals.map((refusal) => refusal.message).join(' ');
      drives.push({ drive, outcome: 'refused', reason: 'unsafe', message });
      continue;
    }
    const mounted = checked.targets[0]?.facts.mountpoints ?? [];
    if (mounted.length > 0) {
      // Someone opened it since (a desktop mounts a fresh stick): switching it off could lose what they write.
      const message = `${drive} is mounted at ${mounted.join(', ')}: unmount it first, it is left as it is.`;
      drives.push({ drive, outcome: 'refused', reason: 'mounted', message });
      continue;
    }
    if (await ejectDrive(drive)) {
      forgetWritten(drive);
      drives.push({ drive, outcome: 'poweredOff', reason: null, message: null });
    } else {
      const virtual = drive.startsWith('/dev/loop');
      drives.push({
        drive,
        outcome: 'notPoweredOff',
        reason: virtual ? 'virtual' : 'cannotPowerOff',
        message: virtual
          ? `${drive} is a virtual drive: there is nothing to power off.`
          : `${drive} could not be powered off (udisks is missing or refused): pull it once its light is off.`,
      });
    }
  }
  return { drives };
}
