/**
 * A small ISO 9660 reader: just enough to list an ISO's root folder and read a small file from it
 * (the installer's kickstart). It reads through a positioned-read function, so the same code reads
 * an image file by its handle and a drive through the helper's pinned read-only descriptor, never
 * by a path. Every size and position it takes from the image is checked before it is used: the
 * bytes are whatever the ISO (or the stick) holds, not something to trust.
 *
 * Layout (ECMA-119): 2048-byte sectors; volume descriptors from sector 16 on, each with "CD001" at
 * byte 1, type 1 the primary one, 255 the end of the set; the primary descriptor holds the volume's
 * size in blocks (byte 80), its block size (byte 128) and the root folder's directory record (byte
 * 156). A directory is a run of records (length, extent, data length, flags, name), never crossing
 * a sector: a zero length byte means "the rest of this sector is padding".
 */

/** Reads up to `buffer.length` bytes at `position` into `buffer`; resolves with how many it read. */
export type ReadAt = (buffer: Buffer, position: number) => Promise<number>;

/** An ISO that cannot be read as one: its words say what is wrong, for the person to see. */
export class IsoFormatError extends Error {}

export interface IsoEntry {
  /** The name as a person knows it: Rock Ridge's when there is one, else ISO 9660's without `;1`. */
  name: string;
  isDirectory: boolean;
  /** Where the file's bytes start and how many there are. */
  offset: number;
  size: number;
}

const SECTOR = 2048;
const FIRST_DESCRIPTOR = 16 * SECTOR;
/** A real set has a handful (primary, boot record, Joliet, end); past this it is not a set. */
const MAX_DESCRIPTORS = 64;
/** bib's root folder holds a few dozen names; a root this big is not an installer's. */
const MAX_ROOT_BYTES = 1024 * 1024;

async function readExactly(readAt: ReadAt, position: number, length: number, what: string): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const got = await readAt(buffer.subarray(done), position + done);
    if (got <= 0) {
      throw new IsoFormatError(
        `The ISO ends before its ${what} (byte ${position + done} of ${position + length}): it looks truncated.`,
      );
    }
    done += got;
  }
  return buffer;
}

/** Whether the image carries an ISO 9660 volume ("CD001" at byte 32769): an ISO file or a stick holding one. */
export async function hasIsoSignature(readAt: ReadAt): Promise<boolean> {
  const signature = Buffer.alloc(5);
  const got = await readAt(signature, FIRST_DESCRIPTOR + 1);
  return got === 5 && signature.toString('latin1') === 'CD001';
}

interface PrimaryVolume {
  blockSize: number;
  volumeBytes: number;
  root: IsoEntry;
}

/** The primary volume descriptor: the first of type 1 in the set, before the terminator. */
async function primaryVolume(readAt: ReadAt): Promise<PrimaryVolume> {
  for (let index = 0; index < MAX_DESCRIPTORS; index += 1) {
    const descriptor = await readExactly(
      readAt,
      FIRST_DESCRIPTOR + index * SECTOR,
      SECTOR,
      'volume descriptors',
    );
    if (descriptor.toString('latin1', 1, 6) !== 'CD001') {
      throw new IsoFormatError(
        `Volume descriptor ${index} of the ISO is damaged (no "CD001" mark): it has no readable primary volume.`,
      );
    }
    const type = descriptor[0];
    if (type === 255) break;
    if (type !== 1) continue;
    const blockSize = descriptor.readUInt16LE(128);
    // ECMA-119 allows 512, 1024 and 2048; every ISO written today uses 2048.
    if (![512, 1024, 2048].includes(blockSize)) {
      throw new IsoFormatError(`The ISO's block size is ${blockSize} bytes, which no ISO 9660 volume has.`);
    }
    const volumeBytes = descriptor.readUInt32LE(80) * blockSize;
    const root = directoryRecord(descriptor, 156, blockSize, volumeBytes);
    if (!root?.isDirectory) throw new IsoFormatError("The ISO's root folder record is damaged.");
    return { blockSize, volumeBytes, root };
  }
  throw new IsoFormatError('The ISO has no primary volume descriptor: there is no folder to read.');
}

/**
 * The directory record at `at` in `bytes`, or undefined past the records of this sector. Its extent
 * must lie inside the volume: a record pointing past the end (or a huge length) is damage, refused
 * before anything is read from it.
 */
function directoryRecord(
  bytes: Buffer,
  at: number,
  blockSize: number,
  volumeBytes: number,
): IsoEntry | undefined {
  const length = bytes[at] ?? 0;
  if (length === 0) return undefined;
  if (length < 34 || at + length > bytes.length)
    throw new IsoFormatError('A folder of the ISO has a damaged record.');
  const offset = bytes.readUInt32LE(at + 2) * blockSize;
  const size = bytes.readUInt32LE(at + 10);
  if (offset + size > volumeBytes) {
    throw new IsoFormatError(
      `A record of the ISO points past the end of its volume (bytes ${offset}–${offset + size} of ${volumeBytes}).`,
    );
  }
  const isDirectory = ((bytes[at + 25] ?? 0) & 0x02) !== 0;
  const nameLength = bytes[at + 32] ?? 0;
  if (33 + nameLength > length)
    throw new IsoFormatError('A folder of the ISO has a record whose name runs past it.');
  const isoName = bytes.toString('latin1', at + 33, at + 33 + nameLength);
  // The system use area (Rock Ridge) follows the name, padded to an even offset.
  const systemUse = bytes.subarray(at + 33 + nameLength + ((33 + nameLength) % 2), at + length);
  const name = rockRidgeName(systemUse) ?? isoName.replace(/;\d+$/, '').replace(/\.$/, '');
  return { name, isDirectory, offset, size };
}

/**
 * The Rock Ridge "NM" name in a record's system use area, when the ISO has Rock Ridge (xorriso's
 * `-R`, which bib's ISOs have): the real file name, case and all. A name split over several NM
 * entries is joined; anything that does not parse as SUSP entries ends the search quietly.
 */
function rockRidgeName(area: Buffer): string | undefined {
  let name: string | undefined;
  for (let at = 0; at + 4 <= area.length; ) {
    const signature = area.toString('latin1', at, at + 2);
    const length = area[at + 2] ?? 0;
    if (length < 4 || at + length > area.length) break;
    // Flags 0x02/0x04 mark "." and "..": no name of their own.
    if (signature === 'NM' && length >= 5 && ((area[at + 4] ?? 0) & 0x06) === 0) {
      name = (name ?? '') + area.toString('utf8', at + 5, at + length);
    }
    at += length;
  }
  return name;
}

/**
 * The entries of the ISO's root folder (without "." and ".."). Only the root is read, never a
 * folder it names, so a folder that names itself or its parent cannot make the reader loop.
 */
export async function readIsoRoot(readAt: ReadAt): Promise<IsoEntry[]> {
  const volume = await primaryVolume(readAt);
  if (volume.root.size > MAX_ROOT_BYTES) {
    throw new IsoFormatError(
      `The ISO's root folder claims ${volume.root.size} bytes; an installer's root is far smaller, so it is taken as damage.`,
    );
  }
  const folder = await readExactly(readAt, volume.root.offset, volume.root.size, 'root folder');
  const entries: IsoEntry[] = [];
  for (let sector = 0; sector < folder.length; sector += SECTOR) {
    const bytes = folder.subarray(sector, sector + SECTOR);
    for (let at = 0; at < bytes.length; ) {
      const entry = directoryRecord(bytes, at, volume.blockSize, volume.volumeBytes);
      if (!entry) break;
      at += bytes[at] ?? 0;
      // "." and ".." are the one-byte names 0x00 and 0x01.
      if (entry.name === '\u0000' || entry.name === '\u0001') continue;
      entries.push(entry);
    }
  }
  return entries;
}

/** A file's bytes, refused when larger than `maxBytes` (the caller's bound, not the ISO's word). */
export async function readIsoFile(readAt: ReadAt, entry: IsoEntry, maxBytes: number): Promise<Buffer> {
  if (entry.isDirectory) throw new IsoFormatError(`${entry.name} on the ISO is a folder, not a file.`);
  if (entry.size > maxBytes) {
    throw new IsoFormatError(
      `${entry.name} on the ISO is ${entry.size} bytes, more than the ${maxBytes} read.`,
    );
  }
  return readExactly(readAt, entry.offset, entry.size, entry.name);
}

/** The volume's size in bytes as its primary descriptor states it (to tell a truncated ISO file). */
export async function isoVolumeBytes(readAt: ReadAt): Promise<number> {
  return (await primaryVolume(readAt)).volumeBytes;
}
