import { execFile } from 'node:child_process';
import { basename } from 'node:path';
import { promisify } from 'node:util';
import { readDiskUsage } from '../../core/drives/diskUsage';

const run = promisify(execFile);

export class DriveBusyError extends Error {
  readonly code = 'EBUSY';
}

/**
 * Unmounts every filesystem on a drive (its partitions and anything stacked on them), deepest
 * mountpoint first. Our own code on purpose: etcher-sdk's unmount goes through mountutils, a
 * NAN module that cannot load in the Electron-run helper, and it matches devices by string prefix.
 */
export async function unmountDrive(device: string): Promise<void> {
  const usage = await readDiskUsage();
  const mountpoints = (usage.get(basename(device)) ?? [])
    .filter((mountpoint) => mountpoint !== '[SWAP]')
    .sort((a, b) => b.length - a.length);
  for (const mountpoint of mountpoints) {
    try {
      await run('umount', [mountpoint]);
    } catch (error) {
      const detail = (error as { stderr?: string }).stderr?.trim() || String(error);
      throw new DriveBusyError(`${device} is in use: could not unmount ${mountpoint} (${detail}).`);
    }
  }
}
