import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** How often the kernel's block list is looked at: a few reads of sysfs, no drivelist, no lsblk. */
export const BLOCK_WATCH_INTERVAL_MS = 100;
/** How often the drives are listed even without a change seen (drivelist and lsblk: a few tens of ms). */
export const FULL_LOOK_EVERY_MS = 5000;
/** A look at sysfs that has not answered in this long is given up on, and the next one made. */
const STUCK_LOOK_MS = 2000;

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
export function watchBlockDevices(
  onChange: () => void,
  intervalMs = BLOCK_WATCH_INTERVAL_MS,
  everyMs = FULL_LOOK_EVERY_MS,
): () => void {
  let last: string | null = null;
  let stopped = false;
  let busySince: number | null = null;
  const tick = async () => {
    // One look at a time; one that has not answered for long is left behind, not waited for.
    if (stopped || (busySince !== null && Date.now() - busySince < STUCK_LOOK_MS)) return;
    const mine = Date.now();
    busySince = mine;
    try {
      const now = await blockFingerprint();
      if (stopped || busySince !== mine) return;
      // The first look counts as a change too: a stick put in between the caller's own enumeration
      // and this first fingerprint would otherwise be in both and never be seen arriving.
      if (now !== last) onChange();
      last = now;
    } finally {
      if (busySince === mine) busySince = null;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  // A full look now and then, whatever the fingerprint says: a change it missed is seen anyway.
  // (CI saw a station miss a pull twice, with the kernel's view plainly changed; why is not known.)
  const full = setInterval(() => {
    if (!stopped) onChange();
  }, everyMs);
  void tick();
  return () => {
    stopped = true;
    clearInterval(timer);
    clearInterval(full);
  };
}
