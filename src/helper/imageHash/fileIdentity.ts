import { stat } from 'node:fs/promises';

/**
 * Which file, in which state: device, inode, size, and the modification and change times to the
 * nanosecond. Any write to the file moves its ctime (which no one can set back short of the
 * clock), so an equal identity means the same bytes, the way git and rsync judge it.
 */
export async function fileIdentity(path: string): Promise<string> {
  const facts = await stat(path, { bigint: true });
  return [facts.dev, facts.ino, facts.size, facts.mtimeNs, facts.ctimeNs].join(':');
}

/** false when the file was changed, replaced or removed since `identity` was taken. */
export async function stillTheSameFile(path: string, identity: string): Promise<boolean> {
  return (await fileIdentity(path).catch(() => null)) === identity;
}
