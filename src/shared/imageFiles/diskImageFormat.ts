import { z } from 'zod';

/**
 * What a disk image file is, judged from its name and its first bytes, before anything is
 * written: the flash path (etcher-sdk) takes raw disks and ISOs, optionally compressed with xz,
 * gzip, bzip2 or zip. Virtual machine disks (qcow2, VMDK, VHD/VHDX) are block maps, not disks:
 * written to a stick as they are, they would never boot, so they are refused here.
 */

export const CompressionSchema = z.enum(['none', 'xz', 'gzip', 'bzip2', 'zip']);
export type Compression = z.infer<typeof CompressionSchema>;

export const DiskImageFormatSchema = z.object({
  /** iso: ISO 9660 (an installer); gpt / mbr: a raw disk with that partition table; raw: a raw disk we cannot see into. */
  kind: z.enum(['iso', 'gpt', 'mbr', 'raw']),
  compression: CompressionSchema,
});
export type DiskImageFormat = z.infer<typeof DiskImageFormatSchema>;

export type NotADiskImage = 'empty' | 'virtualMachineDisk' | 'unknown';

/** How many leading bytes the classifier wants: ISO 9660's signature sits at 32769. */
export const DISK_IMAGE_HEAD_BYTES = 0x8001 + 5;

const COMPRESSION_MAGIC: [Compression, number[]][] = [
  ['xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ['gzip', [0x1f, 0x8b]],
  ['bzip2', [0x42, 0x5a, 0x68]],
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
];
const COMPRESSION_EXTENSIONS: Record<string, Compression> = {
  xz: 'xz',
  gz: 'gzip',
  bz2: 'bzip2',
  zip: 'zip',
};
const DISK_EXTENSIONS = new Set(['raw', 'img', 'iso']);
/** qcow2 ("QFI\xfb"), VMDK ("KDMV"), VHDX ("vhdxfile"), VHD ("conectix"). */
const VM_DISK_MAGIC = [
  [0x51, 0x46, 0x49, 0xfb],
  [0x4b, 0x44, 0x4d, 0x56],
  [...'vhdxfile'],
  [...'conectix'],
].map((bytes) => bytes.map((byte) => (typeof byte === 'string' ? byte.charCodeAt(0) : byte)));

function startsWith(head: Uint8Array, bytes: number[], at = 0): boolean {
  return bytes.every((byte, index) => head[at + index] === byte);
}

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** The name's extensions, innermost last: `disk.raw.xz` → ['raw', 'xz']. */
function extensionsOf(fileName: string): string[] {
  const base = fileName.split('/').pop() ?? fileName;
  return base.toLowerCase().split('.').slice(1);
}

/**
 * Classifies a file from its name and first bytes (up to DISK_IMAGE_HEAD_BYTES; fewer when the
 * file is shorter). Content wins over the name: a compressed file is compressed whatever it is
 * called; the name only says what lies inside a compressed file, and vouches for a raw disk whose
 * first sectors are blank.
 */
export function diskImageFormat(
  fileName: string,
  head: Uint8Array,
): { ok: true; format: DiskImageFormat } | { ok: false; reason: NotADiskImage } {
  if (head.length === 0) return { ok: false, reason: 'empty' };
  if (VM_DISK_MAGIC.some((magic) => startsWith(head, magic)))
    return { ok: false, reason: 'virtualMachineDisk' };
  const extensions = extensionsOf(fileName);
  const compressed = COMPRESSION_MAGIC.find(([, magic]) => startsWith(head, magic))?.[0];
  if (compressed) {
    // What is inside is read while flashing; the name is the only hint until then.
    const inner = extensions.filter((extension) => !(extension in COMPRESSION_EXTENSIONS)).at(-1);
    return { ok: true, format: { kind: inner === 'iso' ? 'iso' : 'raw', compression: compressed } };
  }
  if (startsWith(head, ascii('CD001'), 0x8001))
    return { ok: true, format: { kind: 'iso', compression: 'none' } };
  if (startsWith(head, ascii('EFI PART'), 512))
    return { ok: true, format: { kind: 'gpt', compression: 'none' } };
  if (head[510] === 0x55 && head[511] === 0xaa)
    return { ok: true, format: { kind: 'mbr', compression: 'none' } };
  const last = extensions.at(-1);
  if (last && DISK_EXTENSIONS.has(last)) {
    return { ok: true, format: { kind: last === 'iso' ? 'iso' : 'raw', compression: 'none' } };
  }
  return { ok: false, reason: 'unknown' };
}
