import { readdir, readlink } from 'node:fs/promises';

/**
 * Ids of the processes that have `path` (a block device) open right now, read from /proc: proof
 * that nothing is still writing to a drive after its job ended.
 */
export async function processesHolding(path: string): Promise<number[]> {
  const holders: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fds = await readdir(`/proc/${entry}/fd`).catch(() => [] as string[]);
    for (const fd of fds) {
      if ((await readlink(`/proc/${entry}/fd/${fd}`).catch(() => '')) === path) {
        holders.push(Number(entry));
        break;
      }
    }
  }
  return holders;
}
