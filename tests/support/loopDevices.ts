import { execFile } from 'node:child_process';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const run = promisify(execFile);

export interface LoopDevice {
  path: string;
  backingFile: string;
}

/**
 * Real loop block devices for tests. Everything attached or mounted here is undone by
 * cleanup(), which tests call in afterEach/afterAll, so a failing test leaves no device behind.
 */
export function createLoopDevices() {
  const attached: string[] = [];
  const mounts: string[] = [];
  const dirs: string[] = [];

  async function tempDir(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'bootstick-test-'));
    dirs.push(dir);
    return dir;
  }

  return {
    tempDir,
    /**
     * A sparse backing file of `size` bytes attached to a free loop device (or the one named).
     * `owner`: whose file it is (its folder opened up so that person can reach it), for
     * tests of a helper that works for someone other than root.
     */
    async attach(
      size: number,
      options: {
        readOnly?: boolean;
        name?: string;
        device?: string;
        owner?: { uid: number; gid: number };
      } = {},
    ): Promise<LoopDevice> {
      const dir = await tempDir();
      const backingFile = join(dir, options.name ?? 'drive.img');
      await run('truncate', ['-s', String(size), backingFile]);
      if (options.owner !== undefined) {
        await chmod(dir, 0o755);
        await chown(backingFile, options.owner.uid, options.owner.gid);
        await chmod(backingFile, 0o600);
      }
      const where = options.device ? [options.device] : ['-f', '--show'];
      const args = [...where, ...(options.readOnly ? ['-r'] : []), backingFile];
      const { stdout } = await run('losetup', args);
      const path = options.device ?? stdout.trim();
      // A write-protect flag set with `blockdev --setro` stays on the device node after losetup -d,
      // so a test that set one (and crashed) would hand the next user of this loop number a
      // read-only drive: clear it unless read-only was asked for.
      if (!options.readOnly) await run('blockdev', ['--setrw', path]);
      attached.push(path);
      return { path, backingFile };
    },
    /** A sparse file of `size` bytes to attach later (attachFile), in a fresh folder or in `dir`. */
    async createBackingFile(size: number, options: { dir?: string; name?: string } = {}): Promise<string> {
      const folder = options.dir ?? (await tempDir());
      const backingFile = join(folder, options.name ?? `drive-${attached.length}-${Date.now()}.img`);
      await run('truncate', ['-s', String(size), backingFile]);
      return backingFile;
    },
    /** Attaches a backing file made (and perhaps written) beforehand; detached by cleanup(). */
    async attachFile(backingFile: string): Promise<LoopDevice> {
      const { stdout } = await run('losetup', ['-f', '--show', backingFile]);
      const path = stdout.trim();
      await run('blockdev', ['--setrw', path]);
      attached.push(path);
      return { path, backingFile };
    },
    async detach(path: string): Promise<void> {
      await run('losetup', ['-d', path]);
      attached.splice(attached.indexOf(path), 1);
    },
    /** Formats the loop device as ext4 (this host's kernel has no vfat) and mounts it; returns the mountpoint. */
    async mountExt4(device: string): Promise<string> {
      await run('mkfs.ext4', ['-q', '-F', device]);
      const mountpoint = await tempDir();
      await run('mount', [device, mountpoint]);
      mounts.push(mountpoint);
      return mountpoint;
    },
    async cleanup(): Promise<void> {
      for (const mountpoint of mounts.splice(0).reverse()) await run('umount', [mountpoint]).catch(() => {});
      for (const path of attached.splice(0)) await run('losetup', ['-d', path]).catch(() => {});
      for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Integration tests need real block devices, so root. Say so plainly instead of failing oddly. */
export function requireRoot(): void {
  if (process.getuid?.() !== 0) {
    throw new Error('These tests attach loop devices and must run as root (CI does). Run `sudo npm test`.');
  }
}
