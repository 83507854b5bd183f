import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createDrivesService } from '../../src/core/drives/drivesService';
import { gatherDriveFacts } from '../../src/core/drives/gatherDriveFacts';
import { locateImageFile } from '../../src/core/drives/locateImageFile';
import type { DriveView } from '../../src/shared/drives/driveView';
import { toDriveView } from '../../src/shared/drives/toDriveView';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { createLoopDevices, run } from '../support/loopDevices';
import { MiB } from '../support/units';

const loops = createLoopDevices();
const context = { image: null, largeDriveThresholdBytes: DEFAULT_SETTINGS.largeDriveThresholdBytes };

async function listViews(
  includeVirtual: boolean,
  image: Awaited<ReturnType<typeof locateImageFile>> | null = null,
) {
  const facts = await gatherDriveFacts({ includeVirtual });
  return facts.map((drive) => toDriveView(drive, { ...context, image }));
}

/** The disk holding / according to util-linux, independently of Bootstick's own code. */
async function rootDisk(): Promise<string> {
  const { stdout: source } = await run('findmnt', ['-n', '-o', 'SOURCE', '/']);
  const { stdout: parent } = await run('lsblk', ['-n', '-d', '-o', 'PKNAME', source.trim()]).catch(() => ({
    stdout: '',
  }));
  return parent.trim() ? `/dev/${parent.trim()}` : source.trim();
}

afterEach(() => loops.cleanup());
afterAll(() => loops.cleanup());

describe('drive listing on this host', () => {
  it('classifies the disk holding / as a hidden, refused system drive', async () => {
    const disk = await rootDisk();
    const drive = (await listViews(false)).find((view) => view.path === disk);
    expect(drive, `${disk} should be listed`).toBeDefined();
    expect(drive?.verdict.status).toBe('refused');
    expect(drive?.verdict.hidden).toBe(true);
    expect(drive?.verdict.reasons[0]).toMatchObject({ code: 'system' });
    expect(drive?.verdict.reasons[0]?.detail).toContain('/');
    if (disk === '/dev/vda') expect(drive?.mountpoints).toContain('/');
  });

  it('lists loop devices only when virtual drives are asked for, marked virtual', async () => {
    const loop = await loops.attach(64 * MiB);
    expect((await listViews(false)).map((view) => view.path)).not.toContain(loop.path);
    const drive = (await listViews(true)).find((view) => view.path === loop.path);
    expect(drive).toMatchObject({
      virtual: true,
      bus: 'VIRTUAL',
      size: 64 * MiB,
      backingFile: loop.backingFile,
      verdict: {
        status: 'selectable',
        hidden: false,
        reasons: [{ code: 'virtual', detail: loop.backingFile }],
      },
    });
  });

  it('refuses a read-only loop device', async () => {
    const loop = await loops.attach(16 * MiB, { readOnly: true });
    const drive = (await listViews(true)).find((view) => view.path === loop.path);
    expect(drive?.verdict.status).toBe('refused');
    expect(drive?.verdict.reasons.map((reason) => reason.code)).toContain('readOnly');
  });

  it('refuses the drive the image lives on, and drives too small for it', async () => {
    const home = await loops.attach(96 * MiB, { name: 'holds-image.img' });
    const mountpoint = await loops.mountExt4(home.path);
    const imagePath = join(mountpoint, 'bootc.raw');
    await writeFile(imagePath, Buffer.alloc(40 * MiB, 1));
    const small = await loops.attach(32 * MiB, { name: 'small.img' });
    const big = await loops.attach(64 * MiB, { name: 'big.img' });

    const image = await locateImageFile(imagePath);
    expect(image).toEqual({ path: imagePath, size: 40 * MiB, diskPaths: [home.path] });

    const views = await listViews(true, image);
    const byPath = (path: string) => views.find((view) => view.path === path) as DriveView;
    expect(byPath(home.path).mountpoints).toEqual([mountpoint]);
    expect(byPath(home.path).verdict.reasons.map((reason) => reason.code)).toContain('holdsImage');
    expect(byPath(home.path).verdict.status).toBe('refused');
    expect(byPath(small.path).verdict.reasons.map((reason) => reason.code)).toContain('tooSmall');
    expect(byPath(big.path).verdict.status).toBe('selectable');
  });
});

describe('the drives service watching live', () => {
  it('sees a loop device within 2 s of attaching and loses it within 2 s of detaching', async () => {
    let latest: DriveView[] = [];
    const service = createDrivesService({
      gather: gatherDriveFacts,
      getSettings: () => ({ ...DEFAULT_SETTINGS, showVirtualDrives: true }),
      onChange: (drives) => {
        latest = drives;
      },
    });
    service.start();
    try {
      await service.refresh();
      const loop = await loops.attach(32 * MiB);
      await vi.waitFor(() => expect(latest.map((drive) => drive.path)).toContain(loop.path), {
        timeout: 2000,
        interval: 50,
      });
      await loops.detach(loop.path);
      await vi.waitFor(() => expect(latest.map((drive) => drive.path)).not.toContain(loop.path), {
        timeout: 2000,
        interval: 50,
      });
    } finally {
      service.stop();
    }
  });
});
