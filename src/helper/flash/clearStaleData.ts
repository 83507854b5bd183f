import { write } from 'node:fs';
import { basename } from 'node:path';
import { promisify } from 'node:util';
import { readSysBlockAttribute } from '../../core/drives/blockTopology';
import type { WriteMode } from '../../shared/flash';
import { blockIoAddon } from '../native/blockIoAddon';
import type { Extent } from '../sparse/extent';
import type { ImageDescription } from './imageSource';
import { probeSignatures, type Signature, staleSignatures } from './staleSignatures';

const writeAt = promisify(write);

const MiB = 1024 * 1024;
/** Signatures are wiped a block of this size at a time around where they start; buffers are aligned to it. */
const BLOCK = 4096;

interface Range {
  start: number;
  end: number;
}

/** The drive written, as clearStaleData needs it: its open descriptor (O_DIRECT), path, size and logical block size. */
export interface WrittenDrive {
  path: string;
  fd: number;
  size: number;
  blockSize: number;
}

/** What was done to the drive beyond writing the image, for the result and the audit report. */
export interface ClearedDrive {
  writeMode: WriteMode;
  /** Types of the signatures the drive carried that the image does not, wiped (e.g. iso9660). */
  wipedSignatures: string[];
}

/**
 * Whether the drive zeroes a range without writing it: the kernel reports a write-zeroes offload
 * (a loop device zeroes its backing file by fallocate; NVMe has WRITE ZEROES). A USB stick
 * usually has none, and BLKZEROOUT there would write every zero.
 */
export async function zeroesCheaply(devicePath: string): Promise<boolean> {
  return Number(await readSysBlockAttribute(basename(devicePath), 'queue/write_zeroes_max_bytes')) > 0;
}

/** The parts of [0, length) that the extents do not cover: what a sparse flash leaves unwritten. */
export function holesOf(extents: readonly Extent[], length: number): Range[] {
  const holes: Range[] = [];
  let at = 0;
  for (const { offset, length: size } of extents) {
    if (offset > at) holes.push({ start: at, end: Math.min(offset, length) });
    at = Math.max(at, offset + size);
  }
  if (at < length) holes.push({ start: at, end: length });
  return holes.filter((hole) => hole.end > hole.start);
}

const intersect = (a: Range, b: Range): Range | null => {
  const start = Math.max(a.start, b.start);
  const end = Math.min(a.end, b.end);
  return end > start ? { start, end } : null;
};

/** A range shrunk to whole aligned blocks (never touching a byte outside it). */
const alignInward = ({ start, end }: Range, unit: number): Range | null => {
  const aligned = { start: Math.ceil(start / unit) * unit, end: Math.floor(end / unit) * unit };
  return aligned.end > aligned.start ? aligned : null;
};

/** Writes zeros over the ranges (whole logical blocks) through the drive's own O_DIRECT descriptor. */
async function writeZeros(fd: number, ranges: readonly Range[]): Promise<void> {
  const zeros = blockIoAddon().alignedBuffer(MiB, BLOCK);
  zeros.fill(0);
  for (const range of ranges) {
    for (let at = range.start; at < range.end; ) {
      const length = Math.min(MiB, range.end - at);
      const { bytesWritten } = await writeAt(fd, zeros, 0, length, at);
      at += bytesWritten;
    }
  }
}

/**
 * After the image is written: the drive must carry no signature the image does not carry,
 * whatever it held before, and the result says honestly what was done.
 *
 * - Every byte of the image written (`--full`, a dense or compressed image): only what lies past
 *   the image's end can be left; it is zeroed where the drive does that cheaply, otherwise its
 *   last MiB and every stale signature there are wiped. Mode `everyByte`.
 * - A sparse image on a drive that zeroes cheaply: every hole of the image and everything past it
 *   is zeroed (BLKZEROOUT), so the drive is byte for byte the image over its length. Mode
 *   `holesZeroed`.
 * - A sparse image on a drive that would have to write every zero: the holes in the image's first
 *   and last MiB, the drive's last MiB, and every range where the drive's own probe (wipefs) finds a
 *   signature the image lacks are zeroed; the rest of the holes keep what they held. Mode
 *   `staleSignaturesWiped`.
 *
 * In every mode the drive is probed again at the end and a signature still left is an error:
 * nothing of the image's own data is ever zeroed, so one that remains means the probe and the
 * image disagree, and the person must be told rather than promised a clean stick.
 */
export async function clearStaleData(
  drive: WrittenDrive,
  image: ImageDescription,
  imageLength: number,
): Promise<ClearedDrive> {
  const cheap = await zeroesCheaply(drive.path);
  const tail: Range = { start: Math.ceil(imageLength / 512) * 512, end: drive.size };
  const holes = image.extents ? holesOf(image.extents, imageLength) : [];
  // Where zeros may go: the image's holes and the drive past the image, never the image's data.
  const free = [...holes, ...(tail.end > tail.start ? [tail] : [])];
  const writeMode: WriteMode =
    image.extents === null ? 'everyByte' : cheap ? 'holesZeroed' : 'staleSignaturesWiped';

  if (cheap) {
    const zeroOut = blockIoAddon().zeroOut;
    for (const range of free) {
      const aligned = alignInward(range, 512);
      if (aligned) zeroOut(drive.fd, aligned.start, aligned.end - aligned.start);
    }
  } else {
    const edges: Range[] = [
      { start: 0, end: MiB },
      { start: imageLength - MiB, end: imageLength },
      { start: drive.size - MiB, end: drive.size },
    ];
    await writeZeros(drive.fd, clip(edges, free, drive.blockSize));
  }

  const imageSignatures = image.compression === 'none' ? await probeSignatures(probePathOf(image)) : null;
  const wiped: string[] = [];
  for (let round = 0; round < 2; round += 1) {
    const stale = staleSignatures(await probeSignatures(drive.path), imageSignatures, imageLength);
    if (stale.length === 0) return { writeMode, wipedSignatures: wiped };
    if (round === 1) {
      throw new Error(
        `${drive.path} still carries ${stale.map((signature) => `${signature.type} at byte ${signature.offset}`).join(', ')}, which the image does not.`,
      );
    }
    await writeZeros(drive.fd, clip(stale.map(blockAround), free, drive.blockSize));
    wiped.push(...stale.map((signature) => signature.type));
  }
  return { writeMode, wipedSignatures: wiped };
}

/** The aligned blocks around a signature's start: a magic is a few bytes, a superblock a few KiB. */
function blockAround(signature: Signature): Range {
  const start = Math.floor(signature.offset / BLOCK) * BLOCK;
  return { start, end: start + 2 * BLOCK };
}

/** The parts of `wanted` inside `allowed`, in whole logical blocks of the drive. */
function clip(wanted: readonly Range[], allowed: readonly Range[], blockSize: number): Range[] {
  return wanted.flatMap((range) =>
    allowed.flatMap((free) => {
      const part = intersect(range, free);
      const aligned = part ? alignInward(part, blockSize) : null;
      return aligned ? [aligned] : [];
    }),
  );
}

/** The image file as another process can open it: the helper's own descriptor, by its pid. */
function probePathOf(image: ImageDescription): string {
  return image.readPath.replace('/proc/self/', `/proc/${process.pid}/`);
}
