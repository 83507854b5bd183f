import { open, statfs } from 'node:fs/promises';

const GiB = 1024 ** 3;
/**
 * The blank disk an unattended install writes: bib's smallest disk images ask for 10 GiB, so twice
 * that. It is a sparse file: only what the installer writes takes room.
 */
export const INSTALL_TARGET_BYTES = 20 * GiB;
/**
 * Why an install cannot have its blank disk in `dir`, or null when it has room: the whole disk
 * (an installer, whatever the stick holds, may fill it) and `alsoBytes` more (the overlay's limit),
 * so that nothing the guest writes can fill the disk this computer runs on.
 */
export async function noRoomForBlankDisk(dir: string, alsoBytes = 0): Promise<string | null> {
  const fs = await statfs(dir);
  const free = fs.bavail * fs.bsize;
  const needed = INSTALL_TARGET_BYTES + alsoBytes;
  if (free >= needed) return null;
  const gib = (bytes: number) => (bytes / GiB).toFixed(1);
  return `An unattended install needs ${gib(needed)} GiB free for its blank disk in ${dir}; there are ${gib(free)} GiB.`;
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
