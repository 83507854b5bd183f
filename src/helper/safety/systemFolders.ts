/** Folders root must never be told to write a build into, whatever the request says. */
const SYSTEM_PREFIXES = [
  '/bin',
  '/boot',
  '/dev',
  '/etc',
  '/lib',
  '/lib64',
  '/proc',
  '/run',
  '/sbin',
  '/sys',
  '/usr',
  '/var/lib/containers',
  '/var/lib/bootstick',
  '/var/cache/bootstick',
];
const SYSTEM_EXACT = ['/', '/var', '/var/lib', '/var/lib/containers', '/home', '/root', '/tmp'];

/**
 * Whether root must not treat `dir` (a resolved path) as a person's own folder: to write a build
 * into, or to read a build context from.
 */
export function isSystemFolder(dir: string): boolean {
  return (
    SYSTEM_EXACT.includes(dir) ||
    SYSTEM_PREFIXES.some((prefix) => dir === prefix || dir.startsWith(`${prefix}/`))
  );
}
