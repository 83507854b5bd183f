import { copyFile, readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';

/**
 * A private copy of a cached boot fixture in `dir`, under a fresh name: nothing a test does to
 * it (a guest's writes, a truncation) can reach the cache the other tests boot from.
 */
export async function privateCopy(source: string, dir: string): Promise<string> {
  const extension = extname(source);
  const path = join(dir, `${basename(source, extension)}-${Math.random().toString(36).slice(2)}${extension}`);
  await copyFile(source, path);
  return path;
}

/** QEMU processes whose command line names `path`, read from /proc: none must be left after a test. */
export async function qemuProcessesNaming(path: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes('qemu-system') && cmdline.includes(path)) pids.push(Number(entry));
  }
  return pids;
}
