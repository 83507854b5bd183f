import type { InstallerInfo } from '../../shared/bootTest';
import {
  hasIsoSignature,
  IsoFormatError,
  isoVolumeBytes,
  type ReadAt,
  readIsoFile,
  readIsoRoot,
} from './iso9660';
import { readTarget } from './readTarget';

/**
 * The line bib's kickstart for automated tests writes to ttyS0 in its `%post`: a kickstart that
 * holds it is an unattended install, and seeing the line is that install's pass.
 */
export const INSTALL_FINISHED_MARKER = 'Install finished';

/** A kickstart is a short text file; one larger than this is not read (and not trusted). */
const MAX_KICKSTART_BYTES = 1024 * 1024;
/** How many kickstarts at the root are read at most. */
const MAX_KICKSTARTS = 8;

export type InstallerPlan =
  | { kind: 'notIso' }
  | ({ kind: 'installer' } & InstallerInfo)
  | { kind: 'unreadable'; reason: string };

/**
 * Where the last partition of an MBR partition table ends, in bytes (0 without a table). A hybrid
 * ISO carries one (a GPT's protective entry covers the whole image); an entry whose size is
 * 0xFFFFFFFF means "as large as the disk" and says nothing about the length.
 */
async function mbrPartitionsEnd(readAt: ReadAt): Promise<number> {
  const mbr = Buffer.alloc(512);
  if ((await readAt(mbr, 0)) < 512 || mbr.readUInt16LE(510) !== 0xaa55) return 0;
  let end = 0;
  for (let entry = 446; entry < 510; entry += 16) {
    const start = mbr.readUInt32LE(entry + 8);
    const sectors = mbr.readUInt32LE(entry + 12);
    if (mbr[entry + 4] === 0 || sectors === 0 || sectors === 0xffffffff) continue;
    end = Math.max(end, (start + sectors) * 512);
  }
  return end;
}

/**
 * The plan for a boot test's target: an image file read by its path (as the person), or a drive
 * through the descriptor the helper pinned read-only (positioned reads: the descriptor's offset,
 * and the drive, stay as they were).
 */
export function installerPlanOf(target: string, driveFd?: number): Promise<InstallerPlan> {
  return readTarget(target, driveFd, installerPlan);
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
      // A hybrid ISO's EFI partition may be appended after the ISO 9660 volume (xorriso's
      // -append_partition): its partition table tells the image's full length.
      const imageBytes = Math.max(await isoVolumeBytes(readAt), await mbrPartitionsEnd(readAt));
      if (fileBytes < imageBytes) {
        return {
          kind: 'unreadable',
          reason: `The ISO is truncated: it is ${imageBytes} bytes long, the file only ${fileBytes}.`,
        };
      }
    }
    // bib writes one or two; a root with thousands would have them read for many minutes off a stick.
    const kickstarts = (await readIsoRoot(readAt))
      .filter((entry) => !entry.isDirectory && entry.name.toLowerCase().endsWith('.ks'))
      .slice(0, MAX_KICKSTARTS);
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
