import { execFile } from 'node:child_process';
import { open, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flashThrough, startTestHelper, testJobId, verifyThrough } from '../support/helperSession';
import { createLoopDevices, run } from '../support/loopDevices';
import { writePatternFile } from '../support/patternFile';
import { compressImage } from '../support/testImages';
import { MiB } from '../support/units';

/**
 * The audit report's SHA-256 names the image the way its publisher and its auditor name it:
 * what `sha256sum` prints for the (decompressed) image file, holes and all, however little of
 * it a sparse flash wrote.
 */
const loops = createLoopDevices();
let helper: Awaited<ReturnType<typeof startTestHelper>>;
let dir: string;

const flash = (image: string, drives: string[], jobId = testJobId()) =>
  flashThrough(helper, image, drives, {}, jobId);
const verifyOnly = (image: string, drive: string) => verifyThrough(helper, image, drive);

async function sha256sum(path: string): Promise<string> {
  const { stdout } = await promisify(execFile)('sha256sum', [path]);
  return stdout.split(' ')[0] ?? '';
}

/** 48 MiB with 2 MiB of data at 5 MiB and 1 MiB at 40 MiB; the rest are holes. */
async function holeyImage(name: string): Promise<string> {
  const path = join(dir, name);
  await run('truncate', ['-s', String(48 * MiB), path]);
  for (const [seek, count] of [
    [5, 2],
    [40, 1],
  ] as const) {
    await run('dd', [
      'if=/dev/urandom',
      `of=${path}`,
      'bs=1M',
      `count=${count}`,
      `seek=${seek}`,
      'conv=notrunc',
      'status=none',
    ]);
  }
  return path;
}

beforeAll(async () => {
  dir = await loops.tempDir();
  helper = await startTestHelper();
});

afterAll(async () => {
  await helper?.close();
  await loops.cleanup();
});

describe('the SHA-256 in the audit report', () => {
  it('is the whole sparse image’s, holes included, for a flash and for verify only', async () => {
    const image = await holeyImage('sparse.img');
    const drive = await loops.attach(64 * MiB);
    const result = await flash(image, [drive.path]);
    expect(result.drives[0]).toMatchObject({ status: 'verified', bytesWritten: 3 * MiB });
    expect(result.image.extentCount).toBe(2);
    const expected = await sha256sum(image);
    expect(result.image.sha256).toBe(expected);
    expect((await verifyOnly(image, drive.path)).image).toMatchObject({
      sha256: expected,
      mappedSize: 3 * MiB,
    });
  });

  it('is the decompressed image’s for a compressed one', async () => {
    const image = await holeyImage('packed.img');
    const expected = await sha256sum(image);
    const packed = await compressImage(image, 'gz');
    const drive = await loops.attach(64 * MiB);
    expect((await flash(packed, [drive.path])).image).toMatchObject({
      sha256: expected,
      compression: 'gzip',
    });
    // Asked again (the helper remembers it now), and by verify only: the same answer.
    expect((await flash(packed, [drive.path])).image.sha256).toBe(expected);
    expect((await verifyOnly(packed, drive.path)).image.sha256).toBe(expected);
  });

  it('follows the file: an image changed between two flashes gets its new hash', async () => {
    const image = join(dir, 'edited.img');
    const before = await writePatternFile(image, 24 * MiB);
    const drive = await loops.attach(32 * MiB);
    expect((await flash(image, [drive.path])).image.sha256).toBe(before);
    // Same size, one byte different: only the file's change time tells it apart.
    const file = await open(image, 'r+');
    await file.write(Buffer.from([0xee]), 0, 1, 7 * MiB + 3);
    await file.close();
    const after = await sha256sum(image);
    expect(after).not.toBe(before);
    const again = await flash(image, [drive.path]);
    expect(again.drives[0]?.status).toBe('verified');
    expect(again.image.sha256).toBe(after);
  });

  it('is withheld, and every drive failed, when the image changes during the job', async () => {
    const image = join(dir, 'moving.img');
    await writePatternFile(image, 512 * MiB);
    const drives = [
      await loops.attach(520 * MiB, { name: 'a.img' }),
      await loops.attach(520 * MiB, { name: 'b.img' }),
    ];
    const jobId = testJobId();
    const job = flash(
      image,
      drives.map((drive) => drive.path),
      jobId,
    );
    await expect
      .poll(() => helper.progress.some((event) => event.jobId === jobId && event.phase === 'writing'), {
        timeout: 10_000,
      })
      .toBe(true);
    // Touching it is enough: the helper cannot tell a touch from an edit, and must not guess.
    await utimes(image, new Date(), new Date());
    const result = await job;
    expect(result.image.sha256).toBeNull();
    for (const drive of result.drives) {
      expect(drive).toMatchObject({ status: 'failed', verified: false, error: { code: 'imageChanged' } });
    }
  });
});
