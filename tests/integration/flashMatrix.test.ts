import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JobResult } from '../../src/shared/flash';
import { flashThrough, startTestHelper } from '../support/helperSession';
import { createLoopDevices, run } from '../support/loopDevices';
import {
  buildDenseImage,
  buildIsoImage,
  buildOddSizedImage,
  buildSparseGptImage,
  type Compression,
  compressImage,
} from '../support/testImages';
import { MiB } from '../support/units';

const loops = createLoopDevices();
let helper: Awaited<ReturnType<typeof startTestHelper>>;
let dir: string;
const raw: Record<'sparse' | 'dense' | 'iso' | 'odd', string> = { sparse: '', dense: '', iso: '', odd: '' };

/** Flashes `image` to two fresh loop drives at once and compares both with `rawImage`, byte for byte. */
async function flashTwoAndCompare(image: string, rawImage: string): Promise<JobResult> {
  const size = (await stat(rawImage)).size;
  const driveSize = Math.ceil((size + MiB) / MiB) * MiB;
  const drives = [
    await loops.attach(driveSize, { name: 'a.img' }),
    await loops.attach(driveSize, { name: 'b.img' }),
  ];
  const result = await flashThrough(
    helper,
    image,
    drives.map((drive) => drive.path),
  );
  expect(result.drives.map((drive) => [drive.status, drive.error])).toEqual([
    ['verified', null],
    ['verified', null],
  ]);
  for (const drive of drives) {
    // cmp exits 0 only when the first `size` bytes are identical.
    await run('cmp', ['-n', String(size), rawImage, drive.path]);
  }
  expect(result.image.size).toBe(size);
  return result;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bootstick-images-'));
  raw.sparse = await buildSparseGptImage(dir);
  raw.dense = await buildDenseImage(dir, 16 * MiB);
  raw.iso = await buildIsoImage(dir);
  raw.odd = await buildOddSizedImage(dir);
  helper = await startTestHelper();
}, 120_000);

// Each case attaches fresh drives (sparse flashes leave holes unwritten, so drives start zeroed)
// and detaches them after, which also frees their backing files.
afterEach(() => loops.cleanup());

afterAll(async () => {
  await helper?.close();
  await loops.cleanup();
  await rm(dir, { recursive: true, force: true });
});

describe('one image to two drives at once, every kind of image', () => {
  it('a 4 GiB sparse GPT image (EFI vfat + xfs root) writes only its data extents', async () => {
    const result = await flashTwoAndCompare(raw.sparse, raw.sparse);
    expect(result.image.size).toBe(4 * 1024 * MiB);
    expect(result.image.extentCount).toBeGreaterThan(1);
    expect(result.image.mappedSize).toBeLessThan(result.image.size / 4);
    for (const drive of result.drives) expect(drive.bytesWritten).toBe(result.image.mappedSize);
    // Two 4 GiB drives read back whole and the whole image hashed: ~45 s on a 2-core host, so the
    // default minute left too little room on a busy one.
  }, 180_000);

  it.each(['dense', 'iso', 'odd'] as const)('a %s image', async (kind) => {
    const result = await flashTwoAndCompare(raw[kind], raw[kind]);
    if (kind === 'odd') expect(result.image.size % 512).not.toBe(0);
  });

  it('--full writes every byte, holes included; without it only the data extents', async () => {
    const holey = join(dir, 'holey.img');
    await run('truncate', ['-s', String(16 * MiB), holey]);
    await run('dd', [
      'if=/dev/urandom',
      `of=${holey}`,
      'bs=1M',
      'count=2',
      'seek=5',
      'conv=notrunc',
      'status=none',
    ]);
    const flashOnce = async (full: boolean) =>
      flashThrough(helper, holey, [(await loops.attach(24 * MiB)).path], { full });
    const full = await flashOnce(true);
    expect(full.image.extentCount).toBeNull();
    expect(full.drives[0]).toMatchObject({ status: 'verified', bytesWritten: 16 * MiB });
    const sparse = await flashOnce(false);
    expect(sparse.image.extentCount).toBe(1);
    expect(sparse.drives[0]).toMatchObject({ status: 'verified', bytesWritten: 2 * MiB });
  });

  const compressions: Compression[] = ['xz', 'gz', 'zip'];
  for (const kind of ['dense', 'iso', 'sparse'] as const) {
    it.each(compressions)(
      `a %s-compressed ${kind} image`,
      async (compression) => {
        const compressed = await compressImage(raw[kind], compression);
        const result = await flashTwoAndCompare(compressed, raw[kind]);
        expect(result.image.compression).toBe(compression === 'gz' ? 'gzip' : compression);
      },
      300_000,
    );
  }

  it.each(['gz', 'bz2'] as const)('an odd-sized image compressed as %s', async (compression) => {
    await flashTwoAndCompare(await compressImage(raw.odd, compression), raw.odd);
  });
});
