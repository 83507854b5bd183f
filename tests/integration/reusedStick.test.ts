import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Dirt, dirty, signaturesOf, signaturesWithin } from '../support/dirtyDrives';
import { flashThrough, startTestHelper } from '../support/helperSession';
import { createLoopDevices } from '../support/loopDevices';
import { sha256Of } from '../support/patternFile';
import { buildSparseGptImage } from '../support/testImages';
import { MiB } from '../support/units';

/**
 * A stick that held something else before, flashed with a sparse GPT+xfs image: afterwards libblkid
 * (what desktops, installers and md probe with) finds on it exactly what it finds on the image,
 * and the result says how the drive was written. Over the image's length the drive shows exactly the
 * image's signatures; the whole drive shows none the image lacks (libblkid looks for a GPT's backup
 * at the device's end, so a larger drive shows one signature fewer, never one more). Real loop drives with the marks of what such a
 * stick held (support/dirtyDrives.ts); a loop drive on ramfs stands for a USB stick: like one, it
 * cannot zero a range without writing it (no write-zeroes offload).
 */
const run = promisify(execFile);
const IMAGE_SIZE = 512 * MiB;
const DRIVE_SIZE = 768 * MiB;
const loops = createLoopDevices();
let helper: Awaited<ReturnType<typeof startTestHelper>>;
let dir: string;
let image: string;
let imageSignatures: string[];
let ramfs: string | null = null;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bootstick-reused-'));
  image = await buildSparseGptImage(dir, { size: IMAGE_SIZE, rootPayload: 16 * MiB });
  imageSignatures = await signaturesOf(image);
  helper = await startTestHelper();
}, 180_000);

afterEach(() => loops.cleanup());

afterAll(async () => {
  await helper?.close();
  await loops.cleanup();
  if (ramfs) await run('umount', [ramfs]).catch(() => {});
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** No signature on the whole drive that the image lacks, and exactly the image's over its length. */
async function expectOnlyTheImage(drive: string) {
  expect(await signaturesWithin(drive, IMAGE_SIZE)).toEqual(imageSignatures);
  const onDrive = await signaturesOf(drive);
  expect(onDrive.filter((signature) => !imageSignatures.includes(signature))).toEqual([]);
}

/** A drive whose backing file was given the marks first (written before it is attached, so no cache sees the old bytes). */
async function dirtyDrive(dirts: Dirt[], size = DRIVE_SIZE, backingDir?: string) {
  const file = await loops.createBackingFile(size, backingDir ? { dir: backingDir } : {});
  for (const dirt of dirts) await dirty(file, dirt, dir);
  return loops.attachFile(file);
}

describe('a reused stick flashed with a sparse image, on a drive that zeroes cheaply', () => {
  it.each<Dirt>(['random', 'iso9660', 'oldGptBackup', 'md10', 'lvm2'])(
    'held %s before: now it carries exactly the image’s signatures and, over the image’s length, its bytes',
    async (dirt) => {
      const drive = await dirtyDrive([dirt]);
      // What it held shows before: a signature the image lacks, or (random bytes) other bytes.
      if (dirt === 'random')
        expect(await sha256Of(drive.path, IMAGE_SIZE)).not.toBe(await sha256Of(image, IMAGE_SIZE));
      else
        expect(
          (await signaturesOf(drive.path)).filter((signature) => !imageSignatures.includes(signature)),
        ).not.toEqual([]);
      const result = await flashThrough(helper, image, [drive.path]);
      const [outcome] = result.drives;
      expect(outcome).toMatchObject({ status: 'verified', writeMode: 'holesZeroed' });
      expect(outcome?.bytesWritten).toBe(result.image.mappedSize);
      await expectOnlyTheImage(drive.path);
      // Byte for byte the image over its length: the holes read back as the image's zeros.
      expect(await sha256Of(drive.path, IMAGE_SIZE)).toBe(await sha256Of(image, IMAGE_SIZE));
    },
  );

  it('keeps nothing of an old GPT past the image: the drive’s last sector is no backup header', async () => {
    const drive = await dirtyDrive(['oldGptBackup']);
    await flashThrough(helper, image, [drive.path]);
    const { stdout } = await run('dd', [
      `if=${drive.path}`,
      'bs=512',
      `skip=${DRIVE_SIZE / 512 - 1}`,
      'count=1',
      'status=none',
    ]);
    expect(stdout).not.toContain('EFI PART');
  });

  it('with --full writes every byte and still leaves nothing of the drive’s past beyond the image', async () => {
    const drive = await dirtyDrive(['md10']);
    const result = await flashThrough(helper, image, [drive.path], { full: true });
    expect(result.drives[0]).toMatchObject({ status: 'verified', writeMode: 'everyByte' });
    expect(result.drives[0]?.bytesWritten).toBe(IMAGE_SIZE);
    await expectOnlyTheImage(drive.path);
  });
});

describe('a reused stick on a drive that would have to write every zero', () => {
  beforeAll(async () => {
    ramfs = join(dir, 'ramfs');
    await mkdir(ramfs);
    await run('mount', ['-t', 'ramfs', 'ramfs', ramfs]);
  });

  it('wipes every signature the image lacks, leaves the rest of the holes, and says so', async () => {
    const drive = await dirtyDrive(['random', 'iso9660', 'md10'], DRIVE_SIZE, ramfs as string);
    const wz = await run('cat', [
      `/sys/block/${drive.path.replace('/dev/', '')}/queue/write_zeroes_max_bytes`,
    ]);
    expect(wz.stdout.trim()).toBe('0');
    expect(await signaturesOf(drive.path)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^iso9660@/)]),
    );
    const result = await flashThrough(helper, image, [drive.path]);
    const [outcome] = result.drives;
    expect(outcome).toMatchObject({ status: 'verified', writeMode: 'staleSignaturesWiped' });
    await expectOnlyTheImage(drive.path);
    // Not byte for byte: the random bytes in the holes were left (that is what the mode says).
    expect(await sha256Of(drive.path, IMAGE_SIZE)).not.toBe(await sha256Of(image, IMAGE_SIZE));
  });
});
