import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashFileInWorker } from '../../../src/helper/imageHash/hashFileInWorker';
import { MiB } from '../../support/units';

let dir: string;
let path: string;
let bytes: Buffer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bootstick-hash-'));
  path = join(dir, 'image.raw');
  // Data, zeros, data: the zeros stand where a sparse file would have a hole.
  bytes = Buffer.concat([
    Buffer.alloc(3 * MiB + 17, 0x5a),
    Buffer.alloc(9 * MiB),
    Buffer.alloc(MiB + 5, 0xa5),
  ]);
  await writeFile(path, bytes);
});

afterAll(() => rm(dir, { recursive: true, force: true }));

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('hashing an image file on a thread of its own', () => {
  it('reads the whole file when no extents are given', async () => {
    await expect(hashFileInWorker({ path, size: bytes.length, extents: null }).result).resolves.toBe(
      sha256(bytes),
    );
  });

  it('counts everything outside the data extents as zeros, without reading it', async () => {
    const extents = [
      { offset: 0, length: 3 * MiB + 17 },
      { offset: 12 * MiB + 17, length: MiB + 5 },
    ];
    await expect(hashFileInWorker({ path, size: bytes.length, extents }).result).resolves.toBe(sha256(bytes));
    // Proof that the holes are not read: extents that leave out real data hash zeros in its place.
    const blind = await hashFileInWorker({ path, size: bytes.length, extents: [] }).result;
    expect(blind).toBe(sha256(Buffer.alloc(bytes.length)));
  });

  it('hashes up to the size it is given, even where an extent reaches past it', async () => {
    const size = 2 * MiB;
    const extents = [{ offset: 0, length: 64 * MiB }];
    await expect(hashFileInWorker({ path, size, extents }).result).resolves.toBe(
      sha256((await readFile(path)).subarray(0, size)),
    );
  });

  it('says plainly when the file is shorter than its size, or missing', async () => {
    await expect(hashFileInWorker({ path, size: bytes.length + 1, extents: null }).result).rejects.toThrow(
      `ends at byte ${bytes.length}, before its size of ${bytes.length + 1} bytes`,
    );
    await expect(
      hashFileInWorker({ path: join(dir, 'gone.raw'), size: 1, extents: null }).result,
    ).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('stops when asked, and says it was stopped', async () => {
    const running = hashFileInWorker({ path, size: 64 * 1024 * MiB, extents: [] });
    running.stop();
    await expect(running.result).rejects.toMatchObject({ code: 'ECANCELED' });
  });
});
