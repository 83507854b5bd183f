import { execFile } from 'node:child_process';
import { constants, fstatSync } from 'node:fs';
import { promisify } from 'node:util';
import type { CallerFs } from './callerFs';

const run = promisify(execFile);

/** The file a loop device reads and writes, as the kernel holds it (not its path, which may move). */
interface LoopBacking {
  path: string;
  inode: number;
  major: number;
  minor: number;
}

/** `losetup --list` asks the loop driver itself (LOOP_GET_STATUS64) for the backing inode. */
async function loopBacking(device: string): Promise<LoopBacking | null> {
  const { stdout } = await run('losetup', [
    '--json',
    '--list',
    '--output',
    'NAME,BACK-FILE,BACK-INO,BACK-MAJ:MIN',
    device,
  ]).catch(() => ({ stdout: '' }));
  if (!stdout.trim()) return null;
  const [entry] = (JSON.parse(stdout) as { loopdevices?: Record<string, unknown>[] }).loopdevices ?? [];
  const [major, minor] = String(entry?.['back-maj:min'] ?? '')
    .trim()
    .split(':')
    .map(Number);
  const inode = Number(entry?.['back-ino']);
  const path = String(entry?.['back-file'] ?? '');
  if (!path || !Number.isInteger(inode) || !Number.isInteger(major) || !Number.isInteger(minor)) return null;
  return { path, inode, major: major as number, minor: minor as number };
}

/** major and minor of a stat's dev, as glibc's makedev encodes them. */
function splitDev(dev: bigint): { major: number; minor: number } {
  const major = ((dev >> 8n) & 0xfffn) | ((dev >> 32n) & ~0xfffn);
  const minor = (dev & 0xffn) | ((dev >> 12n) & ~0xffn);
  return { major: Number(major), minor: Number(minor) };
}

/**
 * Whether the caller could open the loop device's backing file themselves, read-write to flash
 * it or read-only to verify it: a loop device lends whoever writes it the file behind it, and
 * that file may be root's (a VM disk, a container pool). Opened as the caller, by the path the
 * loop driver reports, and then proven to be the very inode the loop device uses (a file moved
 * or replaced at that path proves nothing). Returns why not, or null when the caller may.
 */
export async function callerMayUseLoopBacking(
  device: string,
  purpose: 'write' | 'read',
  fs: CallerFs,
): Promise<string | null> {
  if (!fs.caller) return null;
  const backing = await loopBacking(device);
  if (!backing) return `${device} has no backing file Bootstick can check.`;
  const denied = `${fs.caller.name} may not ${purpose === 'write' ? 'write' : 'read'} the file behind ${device}.`;
  let fd: number;
  try {
    fd = fs.open(backing.path, purpose === 'write' ? constants.O_RDWR : constants.O_RDONLY);
  } catch {
    return denied;
  }
  try {
    const opened = fstatSync(fd, { bigint: true });
    const { major, minor } = splitDev(opened.dev);
    const same = opened.ino === BigInt(backing.inode) && major === backing.major && minor === backing.minor;
    return same ? null : denied;
  } finally {
    fs.close(fd);
  }
}
