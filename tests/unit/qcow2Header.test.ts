import { describe, expect, it } from 'vitest';
import type { ReadAt } from '../../src/core/bootTest/iso9660';
import { qcow2OtherFiles } from '../../src/core/bootTest/qcow2Header';

const readerOf =
  (bytes: Buffer): ReadAt =>
  async (buffer, position) => {
    if (position >= bytes.length) return 0;
    return bytes.copy(buffer, 0, position, Math.min(bytes.length, position + buffer.length));
  };

/** A qcow2 header as docs/interop/qcow2.txt lays it out (big-endian), with what a test asks for. */
function qcow2({
  version = 3,
  backing,
  features = 0n,
}: {
  version?: number;
  backing?: string;
  features?: bigint;
}) {
  const image = Buffer.alloc(4096);
  Buffer.from([0x51, 0x46, 0x49, 0xfb]).copy(image, 0);
  image.writeUInt32BE(version, 4);
  if (backing !== undefined) {
    image.writeBigUInt64BE(1024n, 8);
    image.writeUInt32BE(Buffer.byteLength(backing), 16);
    image.write(backing, 1024);
  }
  image.writeUInt32BE(16, 20); // cluster bits
  if (version >= 3) {
    image.writeBigUInt64BE(features, 72);
    image.writeUInt32BE(104, 100); // header length
  }
  return image;
}

describe('files other than itself that a qcow2 image makes QEMU open', () => {
  it('none for a plain qcow2 (v2 or v3), as bootc-image-builder writes it', async () => {
    expect(await qcow2OtherFiles(readerOf(qcow2({})))).toEqual([]);
    expect(await qcow2OtherFiles(readerOf(qcow2({ version: 2 })))).toEqual([]);
  });

  it('names a backing file, whatever path it points at', async () => {
    expect(await qcow2OtherFiles(readerOf(qcow2({ backing: '/home/me/.ssh/id_ed25519' })))).toEqual([
      'backing file /home/me/.ssh/id_ed25519',
    ]);
  });

  it('shows only printable text of a hostile name, and still counts an unreadable one', async () => {
    expect(await qcow2OtherFiles(readerOf(qcow2({ backing: 'a\u001b[2Jb' })))).toEqual([
      'backing file a?[2Jb',
    ]);
    const far = qcow2({});
    far.writeBigUInt64BE(1n << 62n, 8);
    far.writeUInt32BE(100, 16);
    expect(await qcow2OtherFiles(readerOf(far))).toEqual(['backing file (unreadable name)']);
  });

  it('names an external data file (incompatible feature bit 2)', async () => {
    expect(await qcow2OtherFiles(readerOf(qcow2({ features: 1n << 2n })))).toEqual(['external data file']);
    expect(await qcow2OtherFiles(readerOf(qcow2({ features: 1n << 0n })))).toEqual([]);
  });

  it('is not asked of anything but a qcow2', async () => {
    expect(await qcow2OtherFiles(readerOf(Buffer.alloc(4096)))).toBeNull();
    expect(await qcow2OtherFiles(readerOf(Buffer.from('QFI')))).toBeNull();
  });
});
