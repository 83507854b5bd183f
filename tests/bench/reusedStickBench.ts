import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { HelperClient } from '../../src/core/privileged/helperClient';
import { dirty } from '../support/dirtyDrives';
import { type createLoopDevices, run } from '../support/loopDevices';

type Loops = ReturnType<typeof createLoopDevices>;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/**
 * A sparse flash onto a drive that held something else (random bytes everywhere, an ISO at its
 * start, an md superblock at its end) against the same flash onto a clean, never-written drive:
 * what making the stick exactly the image costs. Once on loop drives that zero cheaply (their
 * holes are zeroed by the drive), once on loop drives over ramfs, which like a USB stick cannot
 * (only the stale signatures are wiped there). Each cell is the median of `rounds`; the drives are
 * made anew for every run, outside the timing.
 */
export async function reusedStickRows(options: {
  helper: HelperClient;
  loops: Loops;
  image: string;
  driveSize: number;
  scratch: string;
  rounds: number;
}): Promise<string[]> {
  const { helper, loops, image, driveSize, scratch, rounds } = options;
  const ramfs = join(scratch, 'ramfs');
  await mkdir(ramfs, { recursive: true });
  await run('mount', ['-t', 'ramfs', 'ramfs', ramfs]);
  let counter = 0;
  const flashOnce = async (dirtied: boolean, dir?: string) => {
    const file = await loops.createBackingFile(driveSize, dir ? { dir } : {});
    if (dirtied) for (const dirt of ['random', 'iso9660', 'md10'] as const) await dirty(file, dirt, scratch);
    const drive = await loops.attachFile(file);
    await run('sync', []);
    const start = performance.now();
    const result = await helper.call({
      method: 'flash',
      params: {
        jobId: `bench-reused-${++counter}`,
        image,
        drives: [drive.path],
        options: { verify: true, full: false, includeVirtual: true, eject: false },
      },
    });
    const seconds = (performance.now() - start) / 1000;
    if (result.drives[0]?.status !== 'verified')
      throw new Error(`flash failed: ${JSON.stringify(result.drives)}`);
    await loops.detach(drive.path);
    await rm(file, { force: true });
    return { seconds, mode: result.drives[0]?.writeMode ?? 'none' };
  };
  try {
    const rows: string[] = [];
    for (const [what, dir] of [
      ['loop drive (zeroes cheaply)', undefined],
      ['loop drive on ramfs (cannot)', ramfs],
    ] as const) {
      const clean: number[] = [];
      const dirtied: number[] = [];
      let mode = '';
      for (let round = 1; round <= rounds; round += 1) {
        process.stderr.write(`reused stick, ${what} (${round}/${rounds})… `);
        clean.push((await flashOnce(false, dir)).seconds);
        const reused = await flashOnce(true, dir);
        dirtied.push(reused.seconds);
        mode = reused.mode;
        process.stderr.write(`clean ${clean.at(-1)?.toFixed(2)} s, dirty ${reused.seconds.toFixed(2)} s\n`);
      }
      const ratio = median(dirtied) / median(clean);
      rows.push(
        `| ${what} | ${mode} | ${median(clean).toFixed(2)} s | ${median(dirtied).toFixed(2)} s | ${ratio.toFixed(2)}× |`,
      );
    }
    return [
      '| sparse flash + verify onto | write mode | clean drive | dirty drive | dirty / clean (target ≤ 1.15×) |',
      '|---|---|---|---|---|',
      ...rows,
      'dirty: random bytes everywhere, an ISO 9660 at the start, an md 1.0 superblock at the end',
    ];
  } finally {
    await run('umount', [ramfs]).catch(() => {});
  }
}
