import { readCurrentIdentity } from '../../core/drives/driveIdentity';
import type { DriveIdentity } from '../../shared/flash';

export class DriveChangedError extends Error {
  readonly code = 'EDRIVECHANGED';
}

/**
 * Right before a target is opened: is it still the drive that was checked? A stick swapped in
 * the same port gets the same /dev name but another size or serial.
 */
export async function recheckIdentity(expected: DriveIdentity): Promise<void> {
  const now = await readCurrentIdentity(expected.path);
  if (now.size !== expected.size || now.serial !== expected.serial) {
    throw new DriveChangedError(
      `${expected.path} is no longer the drive that was checked (size ${expected.size} → ${now.size}, serial ${expected.serial} → ${now.serial}). Nothing was written to it.`,
    );
  }
}
