import { type BlueprintProblem, error, quote } from '../problem';
import { type BlueprintRule, mayBeDisk } from '../validationContext';

/**
 * The mount-point policy of bootc disk images (osbuild/images `bootc_imagetype.go`
 * mountpointPolicy + checkMountpoints): `/` and `/boot` exactly, or a folder under /var that is
 * not one of bootc's own; with a btrfs root only `/` and `/boot`. Everything else in a bootc
 * system is read-only and comes from the container image.
 */
const DENIED_UNDER_VAR = [
  '/var/home',
  '/var/lock',
  '/var/mail',
  '/var/mnt',
  '/var/roothome',
  '/var/run',
  '/var/srv',
  '/var/usrlocal',
];

/** Go's path.Clean for an absolute path: what bib compares a mount point against. */
export function cleanAbsolutePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

const isUnder = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/** Why a mount point is refused, or null. */
export function describeBadMountpoint(mountpoint: string, btrfsRoot: boolean): string | null {
  const shown = quote(mountpoint, 80);
  if (!mountpoint.startsWith('/')) return `Mount point ${shown} must be an absolute path starting with "/".`;
  const clean = cleanAbsolutePath(mountpoint);
  if (clean !== mountpoint) {
    return `Mount point ${shown} must be written plainly as ${quote(clean, 80)} (no trailing "/", "//", "." or "..").`;
  }
  if (mountpoint === '/' || mountpoint === '/boot') return null;
  if (btrfsRoot) {
    return `With a btrfs root filesystem bib accepts only the mount points / and /boot, so ${shown} is refused.`;
  }
  if (mountpoint === '/var') {
    return '"/var" itself cannot be a separate filesystem in a bootc image; use a folder below it, such as /var/data.';
  }
  const denied = DENIED_UNDER_VAR.find((prefix) => isUnder(mountpoint, prefix));
  if (denied) {
    return `${shown} cannot be a separate filesystem: bootc manages ${denied} itself (it is a link or belongs to the system).`;
  }
  if (isUnder(mountpoint, '/var')) return null;
  return (
    `${shown} cannot be a separate filesystem in a bootc disk image: only /, /boot and folders under /var ` +
    '(such as /var/data or /var/log) are allowed, because the rest of the system comes read-only from the container image.'
  );
}

/** Mount points bib's policy refuses, duplicates, and filesystem together with disk. */
export const mountpointRule: BlueprintRule = (blueprint, context) => {
  const filesystems = blueprint.customizations?.filesystem ?? [];
  if (!mayBeDisk(context) || filesystems.length === 0) return [];
  const problems: BlueprintProblem[] = [];
  if (blueprint.customizations?.disk !== undefined) {
    problems.push(
      error(
        ['customizations', 'filesystem'],
        'Filesystem sizes and a disk layout cannot both be given: bib refuses to combine them. Keep one of the two.',
      ),
    );
  }
  const seen = new Set<string>();
  filesystems.forEach((filesystem, index) => {
    const path = ['customizations', 'filesystem', index, 'mountpoint'];
    const bad = describeBadMountpoint(filesystem.mountpoint, context.rootfs === 'btrfs');
    if (bad) problems.push(error(path, bad));
    else if (seen.has(filesystem.mountpoint)) {
      problems.push(error(path, `Mount point ${quote(filesystem.mountpoint, 80)} is listed twice.`));
    }
    seen.add(filesystem.mountpoint);
  });
  return problems;
};
