import { existsSync } from 'node:fs';
import { mkdir, readFile, rmdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { run } from './loopDevices';

/**
 * A real drive made as slow as a USB stick: the kernel's block throttle (cgroup blkio in v1,
 * io.max in v2) caps how fast this process and everything it starts afterwards (the helper)
 * may write and read one block device. A loop drive on this host otherwise writes at page-cache
 * speed, so a flash is over before anyone could see its speed; a real stick takes seconds.
 *
 * Only the named device is capped, and only for processes in the cgroup; undo() moves this
 * process back and removes the cgroup. The helper must be started after this call (it inherits
 * the cgroup when spawned).
 */
export async function slowDownDrive(
  device: string,
  limits: { writeBytesPerSecond: number; readBytesPerSecond: number },
): Promise<{ undo(): Promise<void> }> {
  const { stdout } = await run('lsblk', ['-dno', 'MAJ:MIN', device]);
  const majorMinor = stdout.trim();
  const name = `bootstick-slow-${process.pid}-${majorMinor.replace(':', '-')}`;
  const v2 = existsSync('/sys/fs/cgroup/cgroup.controllers');
  const root = v2 ? '/sys/fs/cgroup' : '/sys/fs/cgroup/blkio';
  if (!existsSync(root))
    throw new Error(`slowDownDrive: this host has no block throttle (${root} is missing)`);
  const group = join(root, name);
  await mkdir(group, { recursive: true });
  if (v2) {
    const enabled = await readFile(join(root, 'cgroup.subtree_control'), 'utf8');
    if (!enabled.split(/\s+/).includes('io')) await writeFile(join(root, 'cgroup.subtree_control'), '+io');
    await writeFile(
      join(group, 'io.max'),
      `${majorMinor} wbps=${limits.writeBytesPerSecond} rbps=${limits.readBytesPerSecond}`,
    );
  } else {
    await writeFile(
      join(group, 'blkio.throttle.write_bps_device'),
      `${majorMinor} ${limits.writeBytesPerSecond}`,
    );
    await writeFile(
      join(group, 'blkio.throttle.read_bps_device'),
      `${majorMinor} ${limits.readBytesPerSecond}`,
    );
  }
  await writeFile(join(group, 'cgroup.procs'), String(process.pid));
  return {
    async undo() {
      await writeFile(join(root, 'cgroup.procs'), String(process.pid));
      // The helper may still be exiting; its cgroup empties when it has.
      for (let attempt = 0; attempt < 50; attempt += 1) {
        try {
          await rmdir(group);
          return;
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      await rmdir(group);
    },
  };
}
