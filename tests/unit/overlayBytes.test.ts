import { mkdtemp, open, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { overlayBytes } from '../../src/core/bootTest/overlayWatch';

const MiB = 1024 * 1024;
const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

/** A file `name` in `folder` with `mib` MiB written, held open by this process and unlinked, as QEMU does. */
async function heldAndUnlinked(folder: string, name: string, mib: number) {
  const path = join(folder, name);
  const handle = await open(path, 'w+');
  await handle.write(Buffer.alloc(mib * MiB, 1), 0, mib * MiB, 0);
  await handle.sync();
  await unlink(path);
  return handle;
}

describe("the overlay's size as the kernel sees it, through /proc", () => {
  it("counts only QEMU's unlinked vl.* files in the run's own folder, by their blocks on disk", async () => {
    const run = await mkdtemp(join(tmpdir(), 'bootstick-overlay-'));
    const elsewhere = await mkdtemp(join(tmpdir(), 'bootstick-overlay-other-'));
    folders.push(run, elsewhere);
    const handles = [
      await heldAndUnlinked(run, 'vl.AbC123', 3),
      await heldAndUnlinked(run, 'vars.fd', 2),
      await heldAndUnlinked(elsewhere, 'vl.XyZ789', 5),
    ];
    try {
      const bytes = await overlayBytes(process.pid, run);
      // Blocks, not the length: within a few filesystem blocks of what was written.
      expect(bytes).toBeGreaterThanOrEqual(3 * MiB);
      expect(bytes).toBeLessThan(3 * MiB + 64 * 1024);
      expect(await overlayBytes(process.pid, join(run, 'nothing'))).toBe(0);
    } finally {
      for (const handle of handles) await handle.close();
    }
    expect(await overlayBytes(process.pid, run)).toBe(0);
  });

  it('says null for a process that is not there', async () => {
    expect(await overlayBytes(2 ** 22 + 12345, '/tmp')).toBeNull();
  });
});
