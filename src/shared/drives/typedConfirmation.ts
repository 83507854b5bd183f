import { type DriveView, REASON_SEVERITY } from './driveView';

/**
 * The name a person types to confirm erasing a drive that carries a warning: the kernel's device
 * name (`sdb`, `mmcblk0`, `loop7`), not the model. Two identical sticks share a model but never a
 * device name; the model may be empty, long, or full of vendor padding, while the device name is
 * short, plain ASCII (typeable from any keyboard layout), printed on the drive's card and in the
 * confirmation, and is exactly what `lsblk` or another tool would show for the same drive.
 */
export function deviceNameOf(path: string): string {
  return path.replace(/^\/dev\//, '');
}

/** The drives among those about to be erased whose verdict warns (an unusually large drive). */
export function drivesNeedingTypedName(drives: readonly DriveView[]): DriveView[] {
  return drives.filter((drive) =>
    drive.verdict.reasons.some((reason) => REASON_SEVERITY[reason.code] === 'warn'),
  );
}

/**
 * Whether what was typed names the drive. Surrounding spaces are forgiven and the full path is
 * accepted too (people copy it from the card); anything else, even a different case, is not.
 */
export function typedNameMatches(path: string, typed: string): boolean {
  const text = typed.trim();
  return text === deviceNameOf(path) || text === path;
}

/** Whether every warned drive's name has been typed, so the Erase button may enable. */
export function allTypedNamesMatch(
  drives: readonly DriveView[],
  typed: Readonly<Record<string, string>>,
): boolean {
  return drivesNeedingTypedName(drives).every((drive) =>
    typedNameMatches(drive.path, typed[drive.path] ?? ''),
  );
}
