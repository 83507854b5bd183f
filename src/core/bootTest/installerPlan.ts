import { read } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { InstallerInfo } from '../../shared/bootTest';
import {
  hasIsoSignature,
  IsoFormatError,
  isoVolumeBytes,
  type ReadAt,
  readIsoFile,
  readIsoRoot,
} from './iso9660';

/**
 * The line bib's kickstart for automated tests writes to ttyS0 in its `%post`: a kickstart that
 * holds it is an unattended install, and seeing the line is that install's pass.
 */
export const INSTALL_FINISHED_MARKER = 'Install finished';

/** A kickstart is a short text file; one larger than this is not read (and not trusted). */
const MAX_KICKSTART_BYTES = 1024 * 1024;

export type InstallerPlan =
  | { kind: 'notIso' }
  | ({ kind: 'installer' } & InstallerInfo)
  | { kind: 'unreadable'; reason: string };

/** Positioned reads on an open handle (an image file, or the helper's pinned drive): no path, no seek. */
export function readAtHandle(handle: Pick<FileHandle, 'read'>): ReadAt {
  return async (buffer, position) => (await handle.read(buffer, 0, buffer.length, position)).bytesRead;
}

const readFd = promisify(read);

/**
 * The plan for a boot test's target: an image file read by its path (as the person), or a drive
 * through the descriptor the helper pinned read-only (positioned reads: the descriptor's offset,
 * and the drive, stay as they were).
 */
export async function installerPlanOf(target: string, driveFd?: number): Promise<InstallerPlan> {
  if (driveFd !== undefined) {
    return installerPlan(
      async (buffer, position) => (await readFd(driveFd, buffer, 0, buffer.length, position)).bytesRead,
    );
  }
  const handle = await open(target, 'r');
  try {
    const { size } = await handle.stat();
    return await installerPlan(readAtHandle(handle), size);
  } finally {
    await handle.close();
  }
}

/**
 * What a boot test of this target waits for, decided from the target itself. An ISO 9660 volume
 * is bib's anaconda installer: if a kickstart at its root (bib's `/osbuild.ks`, or a person's own
 * `*.ks` there) writes the "Install finished" marker, the install is unattended and only that
 * marker passes; otherwise reaching the installer does. `fileBytes` is the image file's size (a
 * drive is larger than the ISO it holds, so none is given for one): an ISO file shorter than its
 * volume is truncated and would fail somewhere in the installer, so it is refused up front.
 */
export async function installerPlan(readAt: ReadAt, fileBytes?: number): Promise<InstallerPlan> {
  if (!(await hasIsoSignature(readAt))) return { kind: 'notIso' };
  try {
    if (fileBytes !== undefined) {
      const volumeBytes = await isoVolumeBytes(readAt);
      if (fileBytes < volumeBytes) {
        return {
          kind: 'unreadable',
          reason: `The ISO is truncated: its volume is ${volumeBytes} bytes, the file only ${fileBytes}.`,
        };
      }
    }
    const kickstarts = (await readIsoRoot(readAt)).filter(
      (entry) => !entry.isDirectory && entry.name.toLowerCase().endsWith('.ks'),
    );
    for (const entry of kickstarts) {
      const text = (await readIsoFile(readAt, entry, MAX_KICKSTART_BYTES)).toString('utf8');
      if (text.includes(INSTALL_FINISHED_MARKER)) {
        return { kind: 'installer', unattended: true, kickstart: `/${entry.name}` };
      }
    }
    return { kind: 'installer', unattended: false, kickstart: kickstarts[0] && `/${kickstarts[0].name}` };
  } catch (error) {
    if (error instanceof IsoFormatError) return { kind: 'unreadable', reason: error.message };
    throw error;
  }
}
