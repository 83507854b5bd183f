import type { GuestArchitecture } from '../../shared/bootTest';
import type { ReadAt } from './iso9660';

/**
 * Which machines a disk image's EFI System partition boots, read off the image itself: UEFI
 * firmware starts a removable disk from \EFI\BOOT\BOOT<arch>.EFI, and FAT keeps each such name as
 * an 11-byte short-name directory entry ("BOOTX64 EFI", "BOOTAA64EFI"). The ESP is found through
 * the GPT (type C12A7328-F81F-11D2-BA4B-00A0C93EC93B) or an MBR entry of type 0xEF (a hybrid ISO),
 * and its start is searched for those names: FAT places its folders ahead of the files written
 * after them, so the boot folder's entries sit near the start. Every size and position taken from
 * the image is bounded first: the bytes are whatever the image or stick holds.
 */
export type EfiArchitecture = GuestArchitecture;

const LOADERS: readonly { architecture: EfiArchitecture; shortName: Buffer }[] = [
  { architecture: 'x86_64', shortName: Buffer.from('BOOTX64 EFI', 'latin1') },
  { architecture: 'aarch64', shortName: Buffer.from('BOOTAA64EFI', 'latin1') },
];

const SECTOR = 512;
/** The ESP's type GUID as it is stored on disk (its first three fields little-endian). */
const ESP_TYPE = Buffer.from('28732ac11ff8d211ba4b00a0c93ec93b', 'hex');
const MBR_ESP_TYPE = 0xef;
/** A GPT has 128 entries as a rule; tables far larger than that are not a real one. */
const MAX_GPT_ENTRIES = 1024;
/** A disk has one ESP, rarely two; past this many the table is not worth reading on. */
const MAX_ESPS = 4;
/** How much of an ESP is searched: its folders are in the first few MiB of bib's 500 MiB ESP. */
const SEARCH_BYTES = 32 * 1024 * 1024;
const CHUNK_BYTES = 1024 * 1024;

async function readUpTo(readAt: ReadAt, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const got = await readAt(buffer.subarray(done), position + done);
    if (got <= 0) break;
    done += got;
  }
  return buffer.subarray(0, done);
}

/** The ESPs' byte ranges, from the GPT, else from the MBR. */
async function espRanges(readAt: ReadAt): Promise<{ start: number; length: number }[]> {
  const header = await readUpTo(readAt, SECTOR, SECTOR);
  if (header.length === SECTOR && header.toString('latin1', 0, 8) === 'EFI PART') {
    const entriesAt = Number(header.readBigUInt64LE(72)) * SECTOR;
    const count = header.readUInt32LE(80);
    const size = header.readUInt32LE(84);
    if (
      count === 0 ||
      count > MAX_GPT_ENTRIES ||
      size < 128 ||
      size > 4096 ||
      !Number.isSafeInteger(entriesAt)
    )
      return [];
    const table = await readUpTo(readAt, entriesAt, count * size);
    const ranges: { start: number; length: number }[] = [];
    for (let at = 0; at + size <= table.length; at += size) {
      if (!table.subarray(at, at + 16).equals(ESP_TYPE)) continue;
      const first = Number(table.readBigUInt64LE(at + 32));
      const last = Number(table.readBigUInt64LE(at + 40));
      if (Number.isSafeInteger(first * SECTOR) && last >= first) {
        ranges.push({ start: first * SECTOR, length: (last - first + 1) * SECTOR });
      }
    }
    return ranges;
  }
  const mbr = await readUpTo(readAt, 0, SECTOR);
  if (mbr.length < SECTOR || mbr.readUInt16LE(510) !== 0xaa55) return [];
  const ranges: { start: number; length: number }[] = [];
  for (let entry = 446; entry < 510; entry += 16) {
    if (mbr[entry + 4] !== MBR_ESP_TYPE) continue;
    ranges.push({
      start: mbr.readUInt32LE(entry + 8) * SECTOR,
      length: mbr.readUInt32LE(entry + 12) * SECTOR,
    });
  }
  return ranges;
}

/** The architectures whose removable-media boot loader the image's ESP names; empty when none is found. */
export async function efiArchitectures(readAt: ReadAt): Promise<Set<EfiArchitecture>> {
  const found = new Set<EfiArchitecture>();
  const overlap = Math.max(...LOADERS.map((loader) => loader.shortName.length)) - 1;
  // A hostile table could name the same huge ESP a thousand times: each distinct start once, a few.
  const starts = new Set<number>();
  const ranges = (await espRanges(readAt)).filter(
    (range) => !starts.has(range.start) && starts.add(range.start),
  );
  for (const range of ranges.slice(0, MAX_ESPS)) {
    const end = range.start + Math.min(range.length, SEARCH_BYTES);
    for (let at = range.start; at < end; at += CHUNK_BYTES) {
      // Each chunk reaches a little into the next, so a name across the boundary is seen too.
      const chunk = await readUpTo(readAt, at, Math.min(CHUNK_BYTES + overlap, end - at));
      for (const loader of LOADERS) if (chunk.includes(loader.shortName)) found.add(loader.architecture);
      if (chunk.length < CHUNK_BYTES) break;
    }
  }
  return found;
}

/**
 * An image only an arm64 machine can boot: its ESP names an arm64 boot loader and no x86-64 one.
 * Anything else (x86-64, both, none found, not a disk with an ESP such as qcow2) is left to boot
 * as x86-64, as it always was.
 */
export async function bootsOnlyOnArm64(readAt: ReadAt): Promise<boolean> {
  const found = await efiArchitectures(readAt);
  return found.has('aarch64') && !found.has('x86_64');
}

/**
 * The machine a boot test boots the image as: arm64 when only an arm64 loader is found, x86-64
 * for everything else (both loaders, none, not a disk with an ESP), as it always was.
 */
export async function bootArchitecture(readAt: ReadAt): Promise<EfiArchitecture> {
  return (await bootsOnlyOnArm64(readAt)) ? 'aarch64' : 'x86_64';
}
