import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { mkdtemp, open, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HelperCallError } from '../../src/core/privileged/helperClient';
import type { FlashOptions } from '../../src/shared/flash';
import { BUILT } from '../support/builtApp';
import { flashThrough, startTestHelper, testJobId } from '../support/helperSession';
import { createLoopDevices, run } from '../support/loopDevices';
import { sha256Of, writePatternFile } from '../support/patternFile';
import { MiB } from '../support/units';

const loops = createLoopDevices();
let helper: Awaited<ReturnType<typeof startTestHelper>>;
let dir: string;

const flash = (image: string, drives: string[], options: Partial<FlashOptions> = {}, jobId = testJobId()) =>
  flashThrough(helper, image, drives, options, jobId);

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  dir = await loops.tempDir();
  helper = await startTestHelper();
});

afterAll(async () => {
  await helper?.close();
  await loops.cleanup();
});

describe('flash jobs through the helper', () => {
  it('keeps writing the good drive when the other fails mid-write, and says why', async () => {
    const image = join(dir, 'dense-64m.img');
    const sha = await writePatternFile(image, 64 * MiB);
    // A loop device whose backing file sits on a 32 MiB tmpfs: writes past ~32 MiB fail.
    const tiny = await mkdtemp(join(tmpdir(), 'bootstick-tiny-'));
    await run('mount', ['-t', 'tmpfs', '-o', 'size=32M', 'tmpfs', tiny]);
    await run('truncate', ['-s', '128M', join(tiny, 'faulty.img')]);
    const { stdout } = await run('losetup', ['-f', '--show', join(tiny, 'faulty.img')]);
    const faulty = stdout.trim();
    const good = await loops.attach(96 * MiB, { name: 'good.img' });
    try {
      const result = await flash(image, [good.path, faulty]);
      const byPath = Object.fromEntries(result.drives.map((drive) => [drive.drive.path, drive]));
      expect(byPath[good.path]).toMatchObject({ status: 'verified', verified: true, error: null });
      expect(byPath[faulty]?.status).toBe('failed');
      expect(byPath[faulty]?.error?.code).toBe('ioError');
      expect(byPath[faulty]?.error?.message).toContain(faulty);
      expect(await sha256Of(good.path, 64 * MiB)).toBe(sha);
    } finally {
      await run('losetup', ['-d', faulty]).catch(() => {});
      await run('umount', [tiny]).catch(() => {});
      await rm(tiny, { recursive: true, force: true });
    }
  });

  it('refuses a truncated .xz as damaged, writing nothing', async () => {
    const image = join(dir, 'cut.img');
    await writePatternFile(image, 16 * MiB);
    await run('xz', ['-k', '-1', image]);
    const { size } = await (await open(`${image}.xz`, 'r')).stat();
    await run('truncate', ['-s', String(Math.floor(size / 2)), `${image}.xz`]);
    const drive = await loops.attach(32 * MiB);
    const error = await flash(`${image}.xz`, [drive.path]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HelperCallError);
    const [refusal] = (error as HelperCallError).error.refusals ?? [];
    expect(refusal?.code).toBe('imageCorrupt');
    expect(refusal?.message).toContain('damaged or incomplete');
  });

  it('reports a truncated .gz as a damaged image on the drive it was writing', async () => {
    const image = join(dir, 'cut-gz.img');
    await writePatternFile(image, 16 * MiB);
    await run('gzip', ['-k', '-1', image]);
    const { size } = await (await open(`${image}.gz`, 'r')).stat();
    await run('truncate', ['-s', String(Math.floor(size / 2)), `${image}.gz`]);
    const drive = await loops.attach(32 * MiB);
    const result = await flash(`${image}.gz`, [drive.path]);
    expect(result.drives[0]?.status).toBe('failed');
    expect(result.drives[0]?.error?.code).toBe('imageCorrupt');
  });

  it('writes a .xz image with long runs of zeros intact over old data (no reused-buffer corruption)', async () => {
    const image = join(dir, 'islands.img');
    await run('truncate', ['-s', String(256 * MiB), image]);
    for (const [seek, count] of [
      [1, 3],
      [40, 5],
      [200, 2],
    ]) {
      await run('dd', [
        'if=/dev/urandom',
        `of=${image}`,
        'bs=1M',
        `count=${count}`,
        `seek=${seek}`,
        'conv=notrunc',
        'status=none',
      ]);
    }
    await run('xz', ['-k', '-0', '-T0', image]);
    const drive = await loops.attach(256 * MiB);
    const old = join(dir, 'old.img');
    await writePatternFile(old, 256 * MiB);
    await run('dd', [`if=${old}`, `of=${drive.path}`, 'bs=4M', 'oflag=direct', 'status=none']);
    const result = await flash(`${image}.xz`, [drive.path]);
    expect(result.drives[0]?.status).toBe('verified');
    await run('cmp', ['-n', String(256 * MiB), image, drive.path]);
  });

  it('verify-only finds a single flipped byte and reports its offset', async () => {
    const image = join(dir, 'flip.img');
    const sha = await writePatternFile(image, 24 * MiB);
    const drive = await loops.attach(32 * MiB);
    expect((await flash(image, [drive.path])).drives[0]?.status).toBe('verified');
    const verify = (jobId = testJobId()) =>
      helper.call({
        method: 'verify',
        params: { jobId, image, drive: drive.path, includeVirtual: true },
      });
    const matched = await verify();
    expect(matched.drives[0]).toMatchObject({ status: 'matched', verified: true });
    expect(matched.image).toMatchObject({ sha256: sha, mappedSize: 24 * MiB });

    const offset = 13 * MiB + 4321;
    const device = await open(drive.path, 'r+');
    await device.write(Buffer.from([0x00]), 0, 1, offset);
    await device.close();
    const result = await verify();
    expect(result.drives[0]?.status).toBe('failed');
    expect(result.drives[0]?.error).toMatchObject({ code: 'verifyMismatch', offset });
    expect(result.drives[0]?.bytesWritten).toBe(0);
    // The comparison stopped at the difference; the image's hash still covers all of it.
    expect(result.image).toMatchObject({ sha256: sha, mappedSize: 24 * MiB });
  });

  it('records the SHA-256 of the bytes written and each drive in the result', async () => {
    const image = join(dir, 'audit.img');
    const sha = await writePatternFile(image, 20 * MiB + 333);
    const drives = [
      await loops.attach(32 * MiB, { name: 'a.img' }),
      await loops.attach(32 * MiB, { name: 'b.img' }),
    ];
    const result = await flash(
      image,
      drives.map((drive) => drive.path),
      { full: true },
    );
    expect(result.image).toMatchObject({
      path: image,
      size: 20 * MiB + 333,
      sha256: sha,
      compression: 'none',
    });
    for (const [index, outcome] of result.drives.entries()) {
      expect(outcome.drive).toMatchObject({ path: drives[index]?.path, size: 32 * MiB, bus: 'VIRTUAL' });
      expect(outcome.drive.serial).toBe(`loop:${drives[index]?.backingFile}`);
      expect(outcome).toMatchObject({ status: 'verified', verified: true, bytesWritten: 20 * MiB + 333 });
      expect(Date.parse(outcome.endedAt)).toBeGreaterThanOrEqual(Date.parse(outcome.startedAt));
      expect(await sha256Of(outcome.drive.path, 20 * MiB + 333)).toBe(sha);
    }
  });

  it('reports progress per drive 2 to 10 times a second, ending in done', async () => {
    const image = join(dir, 'progress.img');
    await writePatternFile(image, 1024 * MiB);
    const drive = await loops.attach(1040 * MiB);
    const jobId = testJobId();
    await flash(image, [drive.path], { full: true }, jobId);
    const events = helper.progress.filter((event) => event.jobId === jobId);
    expect(events.at(-1)?.phase).toBe('done');
    expect(events.map((event) => event.phase)).toEqual(expect.arrayContaining(['writing', 'verifying']));
    expect(events.at(-1)?.bytes).toBe(1024 * MiB);
    // Within a phase the helper sends every 250 ms, never twice within 100 ms; a phase change goes at once.
    const gaps = events
      .slice(1)
      .map((event, index) => ({ event, previous: events[index] as typeof event }))
      .filter(({ event, previous }) => event.phase === previous.phase)
      .map(({ event, previous }) => event.at - previous.at);
    expect(gaps.length).toBeGreaterThan(2);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(90);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(600);
  });

  it('reports a drive another program holds as busy, promptly, and writes the other', async () => {
    const image = join(dir, 'busy.img');
    const sha = await writePatternFile(image, 8 * MiB);
    const [busy, free] = [
      await loops.attach(16 * MiB, { name: 'busy.img' }),
      await loops.attach(16 * MiB, { name: 'free.img' }),
    ];
    const holder = await open(busy.path, constants.O_RDONLY | constants.O_EXCL);
    try {
      const started = Date.now();
      const result = await flash(image, [busy.path, free.path]);
      expect(Date.now() - started).toBeLessThan(15_000);
      const byPath = Object.fromEntries(result.drives.map((drive) => [drive.drive.path, drive]));
      expect(byPath[busy.path]?.error?.code).toBe('driveBusy');
      expect(byPath[free.path]?.status).toBe('verified');
      expect(await sha256Of(free.path, 8 * MiB)).toBe(sha);
    } finally {
      await holder.close();
    }
  });

  it('unmounts a mounted target before writing it', async () => {
    const image = join(dir, 'over-mount.img');
    const sha = await writePatternFile(image, 8 * MiB);
    const drive = await loops.attach(32 * MiB, { name: 'mounted.img' });
    const mountpoint = await loops.mountExt4(drive.path);
    const result = await flash(image, [drive.path]);
    expect(result.drives[0]?.status).toBe('verified');
    const { stdout } = await run('findmnt', ['-n', '-o', 'TARGET', '--source', drive.path]).catch(() => ({
      stdout: '',
    }));
    expect(stdout.trim()).not.toBe(mountpoint);
    expect(await sha256Of(drive.path, 8 * MiB)).toBe(sha);
  });

  it('cancels one drive and lets the other finish', async () => {
    const image = join(dir, 'cancel-one.img');
    await writePatternFile(image, 512 * MiB);
    const [keep, stop] = [
      await loops.attach(520 * MiB, { name: 'keep.img' }),
      await loops.attach(520 * MiB, { name: 'stop.img' }),
    ];
    const jobId = testJobId();
    const job = flash(image, [keep.path, stop.path], { full: true }, jobId);
    await expect
      .poll(() => helper.progress.some((event) => event.jobId === jobId && event.phase === 'writing'), {
        timeout: 10_000,
      })
      .toBe(true);
    expect(await helper.call({ method: 'cancel', params: { jobId, drive: stop.path } })).toEqual({
      cancelled: [stop.path],
    });
    const result = await job;
    const byPath = Object.fromEntries(result.drives.map((drive) => [drive.drive.path, drive.status]));
    expect(byPath).toEqual({ [keep.path]: 'verified', [stop.path]: 'cancelled' });
  });

  it('cancels mid-write promptly: the drive is reported cancelled', async () => {
    const image = join(dir, 'cancel.img');
    await writePatternFile(image, 768 * MiB);
    const drive = await loops.attach(800 * MiB);
    const jobId = testJobId();
    const job = flash(image, [drive.path], { full: true }, jobId);
    await expect
      .poll(() => helper.progress.some((event) => event.jobId === jobId && event.phase === 'writing'), {
        timeout: 10_000,
      })
      .toBe(true);
    const cancelledAt = Date.now();
    expect(await helper.call({ method: 'cancel', params: { jobId } })).toEqual({ cancelled: [drive.path] });
    const result = await job;
    expect(Date.now() - cancelledAt).toBeLessThan(3000);
    expect(result.drives[0]).toMatchObject({ status: 'cancelled', error: { code: 'cancelled' } });
  });
});

describe('the helper process lifecycle', () => {
  it('leaves no helper or child process behind after it is closed', async () => {
    const own = await startTestHelper();
    const pid = own.pid as number;
    expect(isAlive(pid)).toBe(true);
    expect(await own.close()).toBe(0);
    expect(isAlive(pid)).toBe(false);
    const children = (await readdir('/proc')).filter((entry) => /^\d+$/.test(entry));
    for (const child of children) {
      const stat = await open(`/proc/${child}/stat`, 'r')
        .then(async (file) => (await file.readFile('utf8').finally(() => file.close())).split(' '))
        .catch(() => []);
      expect(stat[3], `process ${child} is a child of the closed helper`).not.toBe(String(pid));
    }
  });

  it('exits when its parent is killed', async () => {
    const parent = spawn(
      process.execPath,
      [
        '-e',
        `const c=require('child_process').spawn(process.execPath,[${JSON.stringify(BUILT.helper)}],{stdio:['pipe','pipe','inherit']});console.log(c.pid);setInterval(()=>{},1000)`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const helperPid = Number(
      await new Promise<string>((resolve) => parent.stdout.once('data', (data) => resolve(String(data)))),
    );
    expect(isAlive(helperPid)).toBe(true);
    parent.kill('SIGKILL');
    await expect.poll(() => isAlive(helperPid), { timeout: 5000 }).toBe(false);
  });
});
