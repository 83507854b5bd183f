import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, chown, copyFile, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type BootFixtureVariant, bootFixture } from './bootFixture';
import type { createLoopDevices, LoopDevice } from './loopDevices';
import { run } from './loopDevices';
import { processesHolding } from './openHolders';

/**
 * The boot fixture written onto a real loop drive of its own (a private copy of the cached image).
 * `owner`: whose backing file it is (its folder opened up so they can reach it), for a helper
 * working for someone other than root.
 */
export async function fixtureDrive(
  loops: ReturnType<typeof createLoopDevices>,
  variant: BootFixtureVariant,
  owner?: { uid: number; gid: number },
): Promise<LoopDevice> {
  const backing = await loops.createBackingFile(0, { name: `${variant}.img` });
  await copyFile(await bootFixture(variant), backing);
  if (owner) {
    await chmod(dirname(backing), 0o755);
    await chown(backing, owner.uid, owner.gid);
  }
  return loops.attachFile(backing);
}

/** SHA-256 of a file or a block device over its whole length (a device read through itself). */
export async function wholeSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The kernel's read-only flag of a block device (`blockdev --getro`). */
export async function blockReadOnly(path: string): Promise<boolean> {
  const { stdout } = await run('blockdev', ['--getro', path]);
  return stdout.trim() === '1';
}

/** QEMU processes that have `path` open, with their command lines. */
export async function qemuHolding(path: string): Promise<{ pid: number; args: string[] }[]> {
  const found: { pid: number; args: string[] }[] = [];
  for (const pid of await processesHolding(path)) {
    const args = (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split('\0');
    if (args[0]?.includes('qemu-system')) found.push({ pid, args });
  }
  return found;
}
