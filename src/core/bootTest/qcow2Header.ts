import type { ReadAt } from './iso9660';

const QCOW2_MAGIC = Buffer.from([0x51, 0x46, 0x49, 0xfb]);
/** The qcow2 spec's limit on a backing file name (docs/interop/qcow2.txt: "must not exceed 1023 bytes"). */
const MAX_BACKING_NAME = 1023;
/** Incompatible feature bit 2: the guest's data lives in an external data file named in a header extension. */
const EXTERNAL_DATA_FILE_BIT = 1n << 2n;

/**
 * Files other than the image itself that a qcow2 image makes QEMU open, read off its header
 * (docs/interop/qcow2.txt): a backing file (any path its author chose, such as the person's SSH
 * key, which the guest could then read and print), or an external data file. Empty for a plain
 * qcow2, which is what bootc-image-builder writes; null when the target is no qcow2 at all.
 */
export async function qcow2OtherFiles(readAt: ReadAt): Promise<string[] | null> {
  const header = Buffer.alloc(104);
  const got = await readAt(header, 0);
  if (got < 20 || !header.subarray(0, 4).equals(QCOW2_MAGIC)) return null;
  const others: string[] = [];
  const version = header.readUInt32BE(4);
  const backingOffset = header.readBigUInt64BE(8);
  const backingSize = header.readUInt32BE(16);
  if (backingOffset !== 0n) {
    const name = Buffer.alloc(Math.min(backingSize, MAX_BACKING_NAME));
    const read =
      backingOffset < BigInt(Number.MAX_SAFE_INTEGER) ? await readAt(name, Number(backingOffset)) : 0;
    // Shown to the person, so only printable text of it; a name that cannot be read is still a backing file.
    const text = name
      .subarray(0, read)
      .toString('utf8')
      .replace(/[^\x20-\x7e]/g, '?');
    others.push(`backing file ${text === '' ? '(unreadable name)' : text}`);
  }
  if (version >= 3 && got >= 80 && (header.readBigUInt64BE(72) & EXTERNAL_DATA_FILE_BIT) !== 0n) {
    others.push('external data file');
  }
  return others;
}
