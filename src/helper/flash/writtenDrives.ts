import { type DriveMedium, mediumOf, sameMedium } from '../safety/driveMedium';

/**
 * The drives this helper wrote, each as the medium it was then (driveMedium.ts). Only a drive
 * that is still exactly that medium may be powered off on a caller's word: a compromised app must
 * not be able to switch off the system disk or a drive nobody wrote.
 */
const written = new Map<string, DriveMedium>();

/** Remembers a drive this helper has just written (and verified, when asked). */
export async function rememberWritten(path: string): Promise<void> {
  written.set(path, await mediumOf(path));
}

/** Whether the drive at `path` is still the medium this helper wrote there. */
export async function isStillWritten(path: string): Promise<boolean> {
  const then = written.get(path);
  if (!then) return false;
  return sameMedium(then, await mediumOf(path));
}

/** Forgets a drive (powered off: it is gone from the system). */
export function forgetWritten(path: string): void {
  written.delete(path);
}
