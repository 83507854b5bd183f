import { createHash } from 'node:crypto';
import { open, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HelperCallError } from '../../src/core/privileged/helperClient';
import { startTestHelper, testJobId } from '../support/helperSession';
import { createLoopDevices, run } from '../support/loopDevices';
import { MiB } from '../support/units';

const loops = createLoopDevices();
let helper: Awaited<ReturnType<typeof startTestHelper>>;
let imagePath: string;

async function sha256OfDevice(path: string, bytes = 16 * MiB): Promise<string> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    await file.read(buffer, 0, bytes, 0);
    return createHash('sha256').update(buffer).digest('hex');
  } finally {
    await file.close();
  }
}

/** Asks the helper to flash and returns its refusals; fails if it did not refuse. */
async function refusalsFor(drives: string[], image = imagePath, includeVirtual = true) {
  const error = await helper
    .call({
      method: 'flash',
      params: {
        jobId: testJobId(),
        image,
        drives,
        options: { verify: true, full: false, includeVirtual, eject: false },
      },
    })
    .then(
      () => null,
      (caught: unknown) => caught,
    );
  expect(error, `flashing ${drives.join(', ')} should be refused`).toBeInstanceOf(HelperCallError);
  const { code, refusals } = (error as HelperCallError).error;
  expect(code).toBe('refused');
  return refusals ?? [];
}

beforeAll(async () => {
  imagePath = join(await loops.tempDir(), 'image.img');
  await writeFile(imagePath, Buffer.alloc(8 * MiB, 0xab));
  helper = await startTestHelper();
});

afterAll(async () => {
  await helper?.close();
  await loops.cleanup();
});

describe('the helper refuses unsafe targets itself, whatever the request says', () => {
  it("refuses the host's system disk", async () => {
    const { stdout } = await run('findmnt', ['-n', '-o', 'SOURCE', '/']);
    const [refusal] = await refusalsFor([stdout.trim()]);
    expect(refusal).toMatchObject({ code: 'unsafeDrive', drive: stdout.trim() });
    expect(refusal?.message).toContain('System drive');
  });

  it('refuses /etc/passwd: not a drive', async () => {
    expect(await refusalsFor(['/etc/passwd'])).toEqual([
      { code: 'notABlockDevice', drive: '/etc/passwd', message: '/etc/passwd is not a drive.' },
    ]);
  });

  it('refuses a symlink to a block device, and writes nothing through it', async () => {
    const loop = await loops.attach(32 * MiB);
    const before = await sha256OfDevice(loop.path);
    const link = join(await loops.tempDir(), 'stick');
    await symlink(loop.path, link);
    const [refusal] = await refusalsFor([link]);
    expect(refusal?.code).toBe('notABlockDevice');
    expect(refusal?.message).toContain('symbolic link');
    expect(await sha256OfDevice(loop.path)).toBe(before);
  });

  it('refuses a partition instead of a whole disk', async () => {
    const loop = await loops.attach(64 * MiB);
    await run('sgdisk', ['--new=1:2048:+16M', loop.path]);
    await run('partx', ['--add', loop.path]).catch(() => {}); // the kernel may have read the table already
    const name = `${loop.path.replace('/dev/', '')}p1`;
    const { stdout: majMin } = await run('cat', [`/sys/class/block/${name}/dev`]);
    const node = `/dev/${name}`;
    await run('mknod', [node, 'b', ...majMin.trim().split(':')]).catch(() => {}); // no udev here
    try {
      const before = await sha256OfDevice(loop.path);
      const [refusal] = await refusalsFor([node]);
      expect(refusal?.code).toBe('notAWholeDisk');
      expect(await sha256OfDevice(loop.path)).toBe(before);
    } finally {
      await rm(node, { force: true });
      await run('partx', ['--delete', loop.path]).catch(() => {});
    }
  });

  it('refuses the drive the image file lives on', async () => {
    const home = await loops.attach(64 * MiB, { name: 'home.img' });
    const mountpoint = await loops.mountExt4(home.path);
    const image = join(mountpoint, 'image.img');
    await writeFile(image, Buffer.alloc(4 * MiB, 0xcd));
    const refusals = await refusalsFor([home.path], image);
    expect(refusals[0]?.code).toBe('unsafeDrive');
    expect(refusals[0]?.message).toContain('Holds the selected image file');
  });

  it('refuses a drive smaller than the image, and writes nothing to the drive that was fine', async () => {
    const small = await loops.attach(4 * MiB, { name: 'small.img' });
    const fine = await loops.attach(32 * MiB, { name: 'fine.img' });
    const before = await sha256OfDevice(fine.path);
    const refusals = await refusalsFor([fine.path, small.path]);
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ code: 'unsafeDrive', drive: small.path });
    expect(refusals[0]?.message).toContain('Too small for the selected image (8.4 MB needed)');
    expect(await sha256OfDevice(fine.path)).toBe(before);
  });

  it('refuses a loop device unless virtual drives were asked for', async () => {
    const loop = await loops.attach(32 * MiB);
    const [refusal] = await refusalsFor([loop.path], imagePath, false);
    expect(refusal?.code).toBe('notEnumerated');
  });

  it('refuses a missing image before looking at drives', async () => {
    const loop = await loops.attach(32 * MiB);
    const [refusal] = await refusalsFor([loop.path], '/nonexistent/image.raw');
    expect(refusal?.code).toBe('imageUnreadable');
  });
});
