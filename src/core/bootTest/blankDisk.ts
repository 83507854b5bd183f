import { open, statfs } from 'node:fs/promises';

const GiB = 1024 ** 3;
/**
 * The blank disk an unattended install writes: bib's smallest disk images ask for 10 GiB, so twice
 * that. It is a sparse file: only what the installer writes takes room.
 */
export const INSTALL_TARGET_BYTES = 20 * GiB;
/** Room an install needs where its blank disk lives: a bootc system's few GiB, with some to spare. */
export const INSTALL_ROOM_BYTES = 8 * GiB;

/** Why an install cannot have its blank disk in `dir`, or null when it has room. */
export async function noRoomForBlankDisk(dir: string): Promise<string | null> {
  const fs = await statfs(dir);
  const free = fs.bavail * fs.bsize;
  if (free >= INSTALL_ROOM_BYTES) return null;
  const gib = (bytes: number) => (bytes / GiB).toFixed(1);
  return `An unattended install needs ${gib(INSTALL_ROOM_BYTES)} GiB free for its blank disk in ${dir}; there are ${gib(free)} GiB.`;
}

/** A sparse blank raw disk of INSTALL_TARGET_BYTES, made new (never an existing file). */
export async function blankDisk(path: string): Promise<string> {
  const handle = await open(path, 'wx', 0o600);
  try {
    await handle.truncate(INSTALL_TARGET_BYTES);
  } finally {
    await handle.close();
  }
  return path;
}
