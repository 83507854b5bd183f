import { mkdir, mkdtemp, open, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockIoAddon } from '../../src/helper/native/blockIoAddon';
import { dataExtents } from '../../src/helper/sparse/dataExtents';
import type { Extent } from '../../src/helper/sparse/extent';

// Real sparse files on the host's real filesystem (os.tmpdir(), ext4 on CI), read through the
// real N-API addon: nothing is mocked. Needs `npm run build:native` first (the loader says so).

const KiB = 1024;
const MiB = 1024 * KiB;

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bootstick-extents-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Written {
  offset: number;
  data: Buffer;
}

/** Creates a file of `size` bytes that is a hole everywhere except where `writes` put bytes. */
async function sparseFile(name: string, size: number, writes: Written[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, '');
  await truncate(path, size);
  const handle = await open(path, 'r+');
  try {
    for (const { offset, data } of writes) await handle.write(data, 0, data.length, offset);
  } finally {
    await handle.close();
  }
  return path;
}

/** Non-zero bytes, so a write can never be mistaken for a hole's zeros. */
function bytes(length: number): Buffer {
  return Buffer.alloc(length, 0xa5);
}

function covers(extents: Extent[], start: number, end: number): boolean {
  return extents.some((e) => e.offset <= start && end <= e.offset + e.length);
}

function total(extents: Extent[]): number {
  return extents.reduce((sum, e) => sum + e.length, 0);
}

/** Sorted, non-overlapping, non-empty, inside the file: what every answer must be. */
function expectWellFormed(extents: Extent[], size: number): void {
  let end = 0;
  for (const e of extents) {
    expect(Number.isSafeInteger(e.offset) && Number.isSafeInteger(e.length)).toBe(true);
    expect(e.length).toBeGreaterThan(0);
    expect(e.offset).toBeGreaterThanOrEqual(end);
    end = e.offset + e.length;
  }
  expect(end).toBeLessThanOrEqual(size);
}

describe('dataExtents (lseek SEEK_DATA/SEEK_HOLE through the N-API addon)', () => {
  it('runs on a filesystem that really makes sparse files (else the other tests prove nothing)', async () => {
    const path = await sparseFile('probe.img', 64 * MiB, []);
    const { blocks, size } = await stat(path);
    expect(size).toBe(64 * MiB);
    // st_blocks counts 512-byte units actually allocated: none for a pure hole.
    expect(blocks * 512).toBeLessThan(MiB);
  });

  it('finds exactly the written regions of a 100 MiB sparse file and nothing in its holes', async () => {
    const size = 100 * MiB;
    const writes: Written[] = [
      { offset: 0, data: bytes(4 * KiB) },
      { offset: 10 * MiB, data: bytes(MiB) },
      { offset: size - 3, data: bytes(3) },
    ];
    const path = await sparseFile('three-regions.img', size, writes);

    const extents = await dataExtents(path);

    expectWellFormed(extents, size);
    for (const { offset, data } of writes) expect(covers(extents, offset, offset + data.length)).toBe(true);
    // Three regions megabytes apart stay three extents at any block size.
    expect(extents).toHaveLength(3);
    // Block granularity may round each region up, but never by more than a few blocks.
    expect(total(extents)).toBeLessThan(2 * MiB);
    expect(extents[0]?.offset).toBe(0);
    expect(extents.at(-1)?.offset).toBeGreaterThan(size - MiB);
    expect((extents.at(-1)?.offset ?? 0) + (extents.at(-1)?.length ?? 0)).toBe(size);
    // Points well inside the holes are in no extent.
    for (const hole of [5 * MiB, 11 * MiB + 64 * KiB, 50 * MiB, size - 2 * MiB]) {
      expect(covers(extents, hole, hole + 1)).toBe(false);
    }
  });

  it('finds data written at an unaligned offset', async () => {
    const size = 32 * MiB;
    const offset = 7 * MiB + 12_345;
    const path = await sparseFile('unaligned.img', size, [{ offset, data: bytes(100) }]);

    const extents = await dataExtents(path);

    expectWellFormed(extents, size);
    expect(extents).toHaveLength(1);
    expect(covers(extents, offset, offset + 100)).toBe(true);
    expect(total(extents)).toBeLessThan(MiB);
  });

  it('gives no extents for a fully sparse file', async () => {
    const path = await sparseFile('hole.img', 64 * MiB, []);
    expect(await dataExtents(path)).toEqual([]);
  });

  it('gives no extents for an empty file', async () => {
    const path = await sparseFile('empty.img', 0, []);
    expect(await dataExtents(path)).toEqual([]);
  });

  it('gives one extent of exactly the size for a dense file, even of an unaligned size', async () => {
    const size = 3 * MiB + 123;
    const path = join(dir, 'dense.img');
    await writeFile(path, bytes(size));
    expect(await dataExtents(path)).toEqual([{ offset: 0, length: size }]);
  });

  it('rejects a path that does not exist with ENOENT', async () => {
    await expect(dataExtents(join(dir, 'no-such-file.img'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('rejects a directory with EISDIR', async () => {
    const sub = join(dir, 'a-directory');
    await mkdir(sub);
    await expect(dataExtents(sub)).rejects.toMatchObject({ code: 'EISDIR' });
  });
});

describe('the block-io addon itself', () => {
  // Loaded directly, to reach what the path-based loader cannot pass it: a bad fd. In a hook,
  // not at collection, so a missing build fails as tests (with the loader's advice above).
  let addon: { dataExtents(fd: unknown): Array<[number, number]> };
  beforeAll(() => {
    addon = blockIoAddon() as unknown as typeof addon;
  });

  it('returns [offset, length] pairs', async () => {
    const path = await sparseFile('pairs.img', 8 * MiB, [{ offset: 4 * MiB, data: bytes(4 * KiB) }]);
    const handle = await open(path, 'r');
    try {
      const pairs = addon.dataExtents(handle.fd);
      expect(pairs).toHaveLength(1);
      expect(pairs[0]?.[0]).toBe(4 * MiB);
      expect(pairs[0]?.[1]).toBeGreaterThanOrEqual(4 * KiB);
    } finally {
      await handle.close();
    }
  });

  it('throws an Error with code EBADF for a descriptor that is not open', () => {
    // -1 and a number far above any fd table: never open, unlike a just-closed fd the worker
    // may already have reused.
    for (const fd of [-1, 2 ** 30]) {
      expect(() => addon.dataExtents(fd)).toThrow(expect.objectContaining({ code: 'EBADF', errno: -9 }));
    }
  });

  it('throws a TypeError for a non-number fd', () => {
    expect(() => addon.dataExtents('3')).toThrow(TypeError);
  });
});
