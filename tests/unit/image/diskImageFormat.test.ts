import { describe, expect, it } from 'vitest';
import { DISK_IMAGE_HEAD_BYTES, diskImageFormat } from '../../../src/shared/imageFiles/diskImageFormat';

/** A file's first bytes: zeros, with the given bytes written at their offsets. */
function head(writes: [number, number[] | string][] = [], length = DISK_IMAGE_HEAD_BYTES): Uint8Array {
  const bytes = new Uint8Array(length);
  for (const [at, data] of writes) {
    const values = typeof data === 'string' ? [...data].map((char) => char.charCodeAt(0)) : data;
    bytes.set(values, at);
  }
  return bytes;
}

describe('diskImageFormat', () => {
  it('sees a GPT disk, an MBR disk and an ISO by their signatures, whatever the name', () => {
    expect(diskImageFormat('disk.raw', head([[512, 'EFI PART']]))).toEqual({
      ok: true,
      format: { kind: 'gpt', compression: 'none' },
    });
    expect(diskImageFormat('stick.bin', head([[510, [0x55, 0xaa]]]))).toEqual({
      ok: true,
      format: { kind: 'mbr', compression: 'none' },
    });
    expect(diskImageFormat('install', head([[0x8001, 'CD001']]))).toEqual({
      ok: true,
      format: { kind: 'iso', compression: 'none' },
    });
  });

  it('takes a blank-headed file by its .raw, .img or .iso name (a fresh sparse disk.raw starts with zeros)', () => {
    expect(diskImageFormat('/out/image/disk.raw', head())).toMatchObject({
      ok: true,
      format: { kind: 'raw' },
    });
    expect(diskImageFormat('SD.IMG', head())).toMatchObject({ ok: true, format: { kind: 'raw' } });
    expect(diskImageFormat('x.iso', head())).toMatchObject({ ok: true, format: { kind: 'iso' } });
  });

  it('knows compression by content and what is inside by the name', () => {
    const xz = head([[0, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]]]);
    expect(diskImageFormat('disk.raw.xz', xz)).toEqual({
      ok: true,
      format: { kind: 'raw', compression: 'xz' },
    });
    expect(diskImageFormat('boot.iso.xz', xz)).toEqual({
      ok: true,
      format: { kind: 'iso', compression: 'xz' },
    });
    expect(diskImageFormat('a.img.gz', head([[0, [0x1f, 0x8b]]]))).toMatchObject({
      format: { compression: 'gzip' },
    });
    expect(diskImageFormat('a.img.bz2', head([[0, 'BZh9']]))).toMatchObject({
      format: { compression: 'bzip2' },
    });
    expect(diskImageFormat('a.zip', head([[0, [0x50, 0x4b, 0x03, 0x04]]]))).toMatchObject({
      format: { kind: 'raw', compression: 'zip' },
    });
  });

  it('refuses virtual machine disks even when named like a raw image', () => {
    expect(diskImageFormat('disk.raw', head([[0, [0x51, 0x46, 0x49, 0xfb]]]))).toEqual({
      ok: false,
      reason: 'virtualMachineDisk',
    });
    expect(diskImageFormat('disk.img', head([[0, 'KDMV']]))).toMatchObject({ reason: 'virtualMachineDisk' });
    expect(diskImageFormat('disk.img', head([[0, 'vhdxfile']]))).toMatchObject({
      reason: 'virtualMachineDisk',
    });
  });

  it('refuses an empty file and a file that is nothing it knows', () => {
    expect(diskImageFormat('disk.raw', new Uint8Array())).toEqual({ ok: false, reason: 'empty' });
    expect(diskImageFormat('notes.txt', new TextEncoder().encode('hello\n'))).toEqual({
      ok: false,
      reason: 'unknown',
    });
    // Named compressed but not: damaged, or something else; either way nothing to write.
    expect(diskImageFormat('disk.raw.xz', head())).toEqual({ ok: false, reason: 'unknown' });
    expect(diskImageFormat('Containerfile', head())).toEqual({ ok: false, reason: 'unknown' });
  });

  it('reads a short file without looking past its end', () => {
    expect(diskImageFormat('tiny.img', head([], 100))).toMatchObject({ ok: true, format: { kind: 'raw' } });
    expect(diskImageFormat('tiny', head([], 100))).toEqual({ ok: false, reason: 'unknown' });
  });
});
