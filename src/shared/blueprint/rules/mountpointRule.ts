import { type BlueprintProblem, type ProblemWords, quote } from '../problem';
import { ruleError, wordsError } from '../ruleWords';
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

/** Why a mount point is refused, as catalogue words, or null. */
export function describeBadMountpoint(mountpoint: string, btrfsRoot: boolean): ProblemWords | null {
  const values = { mountpoint: quote(mountpoint, 80) };
  if (!mountpoint.startsWith('/')) return { key: 'mountpoint.notAbsolute', values };
  const clean = cleanAbsolutePath(mountpoint);
  if (clean !== mountpoint)
    return { key: 'mountpoint.notPlain', values: { ...values, clean: quote(clean, 80) } };
  if (mountpoint === '/' || mountpoint === '/boot') return null;
  if (btrfsRoot) return { key: 'mountpoint.btrfs', values };
  if (mountpoint === '/var') return { key: 'mountpoint.var', values };
  const denied = DENIED_UNDER_VAR.find((prefix) => isUnder(mountpoint, prefix));
  if (denied) return { key: 'mountpoint.bootcOwned', values: { ...values, denied } };
  if (isUnder(mountpoint, '/var')) return null;
  return { key: 'mountpoint.readOnly', values };
}

/** Mount points bib's policy refuses, duplicates, and filesystem together with disk. */
export const mountpointRule: BlueprintRule = (blueprint, context) => {
  const filesystems = blueprint.customizations?.filesystem ?? [];
  if (!mayBeDisk(context) || filesystems.length === 0) return [];
  const problems: BlueprintProblem[] = [];
  if (blueprint.customizations?.disk !== undefined) {
    problems.push(ruleError(['customizations', 'filesystem'], 'mountpoint.withDisk'));
  }
  const seen = new Set<string>();
  filesystems.forEach((filesystem, index) => {
    const path = ['customizations', 'filesystem', index, 'mountpoint'];
    const bad = describeBadMountpoint(filesystem.mountpoint, context.rootfs === 'btrfs');
    if (bad) problems.push(wordsError(path, bad));
    else if (seen.has(filesystem.mountpoint)) {
      problems.push(
        ruleError(path, 'mountpoint.duplicate', { mountpoint: quote(filesystem.mountpoint, 80) }),
      );
    }
    seen.add(filesystem.mountpoint);
  });
  return problems;
};
