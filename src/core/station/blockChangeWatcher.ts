import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** How often the kernel's block list is looked at: a few reads of sysfs, no drivelist, no lsblk. */
export const BLOCK_WATCH_INTERVAL_MS = 100;

const read = (path: string) =>
  readFile(path, 'utf8').then(
    (text) => text.trim(),
    () => '',
  );

/**
 * What the kernel says about its whole disks now, in one string: names, sizes (media changes),
 * and a loop device's backing file (attach and detach). sysfs cannot be watched with inotify,
 * and this host has no udev to listen to, so it is read often and cheaply instead.
 */
async function blockFingerprint(): Promise<string> {
  const names = (await readdir('/sys/block').catch(() => [])).sort();
  const parts = await Promise.all(
    names.map(async (name) => {
      const dir = join('/sys/block', name);
      const backing = name.startsWith('loop') ? await read(join(dir, 'loop/backing_file')) : '';
      return `${name}:${await read(join(dir, 'size'))}:${backing}`;
    }),
  );
  return parts.join('|');
}

/**
 * Calls onChange once at the start, then whenever a whole disk appears, goes, or changes size or
 * backing file. Only then does the station enumerate drives (drivelist, lsblk), so a stick is seen
 * one poll interval plus one enumeration after the kernel has it.
 */
export function watchBlockDevices(onChange: () => void, intervalMs = BLOCK_WATCH_INTERVAL_MS): () => void {
  let last: string | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const tick = async () => {
    const now = await blockFingerprint();
    if (stopped) return;
    // The first look counts as a change too: a stick put in between the caller's own enumeration
    // and this first fingerprint would otherwise be in both and never be seen arriving.
    if (now !== last) onChange();
    last = now;
    timer = setTimeout(tick, intervalMs);
  };
  void tick();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
