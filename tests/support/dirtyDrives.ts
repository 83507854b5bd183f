import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MiB } from './units';

const run = promisify(execFile);

/**
 * What a reused stick still holds from before, written into a drive's backing file before it is
 * attached: each mark is one that libblkid (wipefs, blkid, udisks, md) finds and acts on. The
 * on-disk layouts follow libblkid's own probes, which decide what "found" means:
 * util-linux libblkid/src/superblocks/linux_raid.c (md 1.0) and lvm.c (LVM2 PV label), checked at
 * util-linux commit 39465c780eed56034ed1440068a2722fc3331343.
 */
export type Dirt = 'random' | 'iso9660' | 'oldGptBackup' | 'md10' | 'lvm2';

async function writeAt(path: string, offset: number, data: Uint8Array): Promise<void> {
  const file = await open(path, 'r+');
  try {
    await file.write(data, 0, data.length, offset);
  } finally {
    await file.close();
  }
}

/** Random bytes over the whole file: what a stick that held photos or another OS looks like. */
async function fillRandom(path: string, size: number): Promise<void> {
  const file = await open(path, 'r+');
  try {
    for (let at = 0; at < size; at += 4 * MiB)
      await file.write(randomBytes(Math.min(4 * MiB, size - at)), 0, undefined, at);
  } finally {
    await file.close();
  }
}

/** An ISO 9660 at the start (a Fedora installer written with dd): descriptors at 32 KiB. */
async function writeIso(path: string, scratch: string): Promise<void> {
  const iso = join(scratch, 'old.iso');
  await run('xorriso', ['-as', 'mkisofs', '-quiet', '-V', 'OLD_INSTALLER', '-o', iso, '/etc/hostname']);
  await run('dd', [`if=${iso}`, `of=${path}`, 'conv=notrunc', 'status=none']);
}

/** A GPT over the whole (larger) drive: its backup header sits in the drive's last sector. */
async function writeGpt(path: string): Promise<void> {
  await run('sgdisk', ['--clear', '--new', '1:1MiB:0', path]);
}

/** An md RAID member with a version 1.0 superblock at the end, as mdadm --metadata=1.0 leaves it. */
async function writeMd10(path: string, size: number): Promise<void> {
  // linux_raid.c probe_raid: sboff = (size & ~(0x1000 - 1)) - 0x2000.
  const offset = (size & ~0xfff) - 0x2000;
  const maxDev = 2;
  const superblock = Buffer.alloc(256 + maxDev * 2);
  superblock.writeUInt32LE(0xa92b4efc, 0); // magic
  superblock.writeUInt32LE(1, 4); // major_version
  randomBytes(16).copy(superblock, 16); // set_uuid
  superblock.write('old-raid', 32, 'ascii'); // set_name
  superblock.writeUInt32LE(1, 72); // level: raid1
  superblock.writeUInt32LE(2, 92); // raid_disks
  superblock.writeBigUInt64LE(BigInt(offset / 512), 144); // super_offset, in sectors: probe_raid1 checks it
  randomBytes(16).copy(superblock, 168); // device_uuid
  superblock.writeUInt32LE(maxDev, 220); // max_dev
  // raid1_verify_csum: the sum of every le32 word up to dev_roles[max_dev], sb_csum counted as 0,
  // the carry folded back in.
  let sum = 0n;
  for (let at = 0; at + 4 <= superblock.length; at += 4) sum += BigInt(superblock.readUInt32LE(at));
  sum = (sum >> 32n) + (sum & 0xffffffffn);
  superblock.writeUInt32LE(Number(sum & 0xffffffffn), 216);
  await writeAt(path, offset, superblock);
}

/** lvm.c lvm2_calc_crc: a CRC-32 (nibble table), initial value 0xf597a6cf, no final xor. */
function lvm2Crc(data: Uint8Array): number {
  const table = [
    0x00000000, 0x1db71064, 0x3b6e20c8, 0x26d930ac, 0x76dc4190, 0x6b6b51f4, 0x4db26158, 0x5005713c,
    0xedb88320, 0xf00f9344, 0xd6d6a3e8, 0xcb61b38c, 0x9b64c2b0, 0x86d3d2d4, 0xa00ae278, 0xbdbdf21c,
  ];
  let crc = 0xf597a6cf;
  for (const byte of data) {
    crc ^= byte;
    crc = ((crc >>> 4) ^ (table[crc & 0xf] as number)) >>> 0;
    crc = ((crc >>> 4) ^ (table[crc & 0xf] as number)) >>> 0;
  }
  return crc >>> 0;
}

/** An LVM2 physical volume label in sector 1, as pvcreate writes it. */
async function writeLvmLabel(path: string): Promise<void> {
  const label = Buffer.alloc(512);
  label.write('LABELONE', 0, 'ascii');
  label.writeBigUInt64LE(1n, 8); // sector_xl: this label's sector
  label.writeUInt32LE(32, 20); // offset_xl
  label.write('LVM2 001', 24, 'ascii');
  label.write('OldPhysicalVolumeUuid0123456789a', 32, 'ascii'); // pv_uuid, 32 characters
  label.writeUInt32LE(lvm2Crc(label.subarray(20)), 16); // crc_xl: from offset_xl to the sector's end
  await writeAt(path, 512, label);
}

/** Makes the backing file look like a stick that held `dirt`. */
export async function dirty(path: string, dirt: Dirt, scratch: string): Promise<void> {
  const { size } = await stat(path);
  if (dirt === 'random') await fillRandom(path, size);
  if (dirt === 'iso9660') await writeIso(path, scratch);
  if (dirt === 'oldGptBackup') await writeGpt(path);
  if (dirt === 'md10') await writeMd10(path, size);
  if (dirt === 'lvm2') await writeLvmLabel(path);
}

/** What libblkid finds on a device or file: `wipefs --no-act`, as type@offset, sorted. */
export async function signaturesOf(path: string): Promise<string[]> {
  const { stdout } = await run('wipefs', ['--no-act', '--json', '--output', 'OFFSET,TYPE', path]);
  const listed = stdout.trim()
    ? ((JSON.parse(stdout) as { signatures?: Array<{ offset: string; type: string }> }).signatures ?? [])
    : [];
  return listed.map((entry) => `${entry.type}@${Number(entry.offset)}`).sort();
}

/**
 * What libblkid finds on the first `length` bytes of a drive, seen as a device of exactly that
 * size (a read-only loop device over it): the image as the drive holds it. Probing the whole,
 * larger drive finds a GPT's backup header only at the drive's own end, so only a view of the
 * image's length can be compared with the image file.
 */
export async function signaturesWithin(drive: string, length: number): Promise<string[]> {
  const { stdout } = await run('losetup', [
    '--find',
    '--show',
    '--read-only',
    '--sizelimit',
    String(length),
    drive,
  ]);
  const view = stdout.trim();
  try {
    return await signaturesOf(view);
  } finally {
    await run('losetup', ['-d', view]);
  }
}
