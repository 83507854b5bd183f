import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HelperCallError, type HelperClient } from '../../src/core/privileged/helperClient';
import { requireBuild } from '../support/builtApp';
import { flashThrough, startTestHelper } from '../support/helperSession';
import { createLoopDevices, requireRoot } from '../support/loopDevices';
import { sha256Of, writePatternFile } from '../support/patternFile';
import { MiB } from '../support/units';

/**
 * "Eject all" as a compromised main would ask for it, to the built helper: only a drive this
 * helper wrote, still the same medium, unmounted and not the system disk, may be powered off.
 * Loop drives are what this host has; they cannot be powered off, so the helper says so.
 */
const loops = createLoopDevices();
/** The image's folder, kept for the whole file (each test's drives go after it). */
const files = createLoopDevices();
let helper: HelperClient;
let image: string;

const eject = (drives: string[]) => helper.call({ method: 'ejectDrives', params: { drives } });

beforeAll(async () => {
  requireRoot();
  requireBuild();
  image = join(await files.tempDir(), 'stick.img');
  await writePatternFile(image, 4 * MiB);
  helper = await startTestHelper();
}, 60_000);

afterEach(() => loops.cleanup());
afterAll(async () => {
  await helper?.close();
  await loops.cleanup();
  await files.cleanup();
});

describe('eject all, asked of the helper', () => {
  it('says a loop drive it wrote is virtual, with nothing to power off, and leaves it as written', async () => {
    const drive = await loops.attach(8 * MiB, { name: 'written.img' });
    await flashThrough(helper, image, [drive.path]);
    const before = await sha256Of(drive.path, 8 * MiB);
    expect(await eject([drive.path])).toEqual({
      drives: [
        {
          drive: drive.path,
          outcome: 'notPoweredOff',
          reason: 'virtual',
          message: `${drive.path} is a virtual drive: there is nothing to power off.`,
        },
      ],
    });
    expect(await sha256Of(drive.path, 8 * MiB)).toBe(before);
  });

  it('refuses the system disk and a drive it never wrote, and they stay', async () => {
    const system = (await stat('/dev/vda').catch(() => null)) ? '/dev/vda' : null;
    const stranger = await loops.attach(8 * MiB, { name: 'stranger.img' });
    const drives = [...(system ? [system] : []), stranger.path];
    const result = await eject(drives);
    expect(result.drives.map((entry) => [entry.drive, entry.outcome, entry.reason])).toEqual(
      drives.map((drive) => [drive, 'refused', 'notWritten']),
    );
    expect(result.drives[0]?.message).toContain('is not a drive Bootstick wrote since it was put in');
    for (const drive of drives) expect((await stat(drive)).isBlockDevice()).toBe(true);
  });

  it('refuses a drive it wrote once the device holds another medium (re-attached)', async () => {
    const first = await loops.attach(8 * MiB, { name: 'first.img' });
    await flashThrough(helper, image, [first.path]);
    await loops.detach(first.path);
    const second = await loops.attach(8 * MiB, { name: 'second.img', device: first.path });
    expect(second.path).toBe(first.path);
    const [outcome] = (await eject([second.path])).drives;
    expect(outcome).toMatchObject({ drive: second.path, outcome: 'refused', reason: 'notWritten' });
  });

  it('leaves a drive it wrote that was mounted since (someone opened it), and says where', async () => {
    const drive = await loops.attach(16 * MiB, { name: 'mounted-later.img' });
    await flashThrough(helper, image, [drive.path]);
    const mountpoint = await loops.mountExt4(drive.path);
    const [outcome] = (await eject([drive.path])).drives;
    expect(outcome).toMatchObject({ drive: drive.path, outcome: 'refused', reason: 'mounted' });
    expect(outcome?.message).toContain(mountpoint);
  });

  it('forgets what it wrote when it restarts: a new helper refuses the drive', async () => {
    const drive = await loops.attach(8 * MiB, { name: 'before-restart.img' });
    await flashThrough(helper, image, [drive.path]);
    const fresh = await startTestHelper();
    try {
      const [outcome] = (await fresh.call({ method: 'ejectDrives', params: { drives: [drive.path] } }))
        .drives;
      expect(outcome).toMatchObject({ outcome: 'refused', reason: 'notWritten' });
    } finally {
      await fresh.close();
    }
  });

  it.each([
    ['a path outside /dev', '/tmp/stick'],
    ['a path that climbs out of /dev', '/dev/../etc/passwd'],
    ['a symlink under /dev', '/dev/disk/by-id/usb-stick'],
    ['an option', '--force'],
  ])('refuses %s as a bad request, touching nothing', async (_, drive) => {
    const error = await eject([drive]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HelperCallError);
    expect((error as HelperCallError).error.code).toBe('badRequest');
  });

  it('refuses an empty list as a bad request', async () => {
    const error = await eject([]).catch((caught: unknown) => caught);
    expect((error as HelperCallError).error.code).toBe('badRequest');
  });
});
