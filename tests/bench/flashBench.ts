/**
 * `npm run bench`: Bootstick's flash+verify against the reference tools, all measured in this
 * one run on the same loop devices, printed as one table of ratios. Targets (issue #3):
 * sparse ≤ 0.35× dd+cmp and ≤ 1.0× bmaptool; dense ≤ 1.1× dd+cmp; four targets ≤ 1.5× one;
 * helper peak RSS < 250 MB. Needs root (loop devices) and a build (`npm run build`).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { requireBuild } from '../support/builtApp';
import { startTestHelper } from '../support/helperSession';
import { createLoopDevices, requireRoot, run } from '../support/loopDevices';
import { buildDenseImage, buildSparseGptImage } from '../support/testImages';
import {
  bmaptool,
  bootstick,
  bootstickFirstFlash,
  type Contender,
  ddThenCompare,
  etcherSdk,
  kernelFloor,
  makeBmap,
  type Target,
} from './contenders';
import { reusedStickRows } from './reusedStickBench';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

async function peakRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

/** Rounds per cell; the median is reported, so one stray slow run does not decide a ratio. */
const ROUNDS = 3;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function timeIt(contender: Contender, image: string, size: number, targets: Target[]): Promise<number> {
  // The loop drives' backing files sit in the page cache: without this, the writeback of one
  // contender's bytes lands in the next contender's time. Not timed.
  await contender.before?.(image);
  await run('sync', []);
  const start = performance.now();
  await contender.flash(image, size, targets);
  return (performance.now() - start) / 1000;
}

async function main(): Promise<void> {
  requireRoot();
  requireBuild();
  const dir = await mkdtemp(join(tmpdir(), 'bootstick-bench-'));
  const loops = createLoopDevices();
  const helper = await startTestHelper();
  try {
    process.stderr.write('building images…\n');
    const images = {
      sparse: { path: await buildSparseGptImage(dir, { size: 4 * GiB }), size: 4 * GiB },
      dense: { path: await buildDenseImage(dir, 1 * GiB), size: 1 * GiB },
    };
    await makeBmap(images.sparse.path);
    await makeBmap(images.dense.path);
    const targets: Target[] = [];
    for (let index = 0; index < 4; index += 1) {
      const loop = await loops.attach(4 * GiB + 4 * MiB, { name: `target-${index}.img` });
      targets.push({ path: loop.path, size: 4 * GiB + 4 * MiB });
    }
    // The first flash comes before the repeat, so that the repeat always finds the hash cached.
    const allContenders = [
      bootstickFirstFlash(helper),
      bootstick(helper),
      ddThenCompare,
      etcherSdk,
      bmaptool,
    ];
    const times: Record<string, number> = {};
    for (const [kind, image] of Object.entries(images)) {
      for (const count of [1, 4]) {
        // The floor writes every byte: for the 4 GiB sparse image that is minutes of zeros.
        const contenders = kind === 'dense' ? [...allContenders, kernelFloor] : allContenders;
        // Round-robin, so a slow spell of this host hits every contender alike.
        const runs = new Map<string, number[]>();
        for (let round = 1; round <= ROUNDS; round += 1) {
          for (const contender of contenders) {
            process.stderr.write(`${kind} ×${count} ${contender.name} (${round}/${ROUNDS})… `);
            const seconds = await timeIt(contender, image.path, image.size, targets.slice(0, count));
            runs.set(contender.name, [...(runs.get(contender.name) ?? []), seconds]);
            process.stderr.write(`${seconds.toFixed(2)} s\n`);
          }
        }
        for (const [name, seconds] of runs) times[`${kind}/${count}/${name}`] = median(seconds);
      }
    }
    const rss = await peakRssMb(helper.pid as number);
    const row = (kind: string, count: number) => {
      const t = (name: string) => times[`${kind}/${count}/${name}`] ?? Number.NaN;
      const [again, first] = [t('bootstick'), t('bootstick first')];
      // Each ratio as "repeat / first flash".
      const against = (name: string) =>
        `${t(name).toFixed(2)} s | ${(again / t(name)).toFixed(2)}× / ${(first / t(name)).toFixed(2)}×`;
      return `| ${kind} | ${count} | ${again.toFixed(2)} s | ${first.toFixed(2)} s | ${against('dd+cmp')} | ${against('etcher-sdk')} | ${against('bmaptool')} |`;
    };
    const scale = (kind: string, name = 'bootstick') =>
      (times[`${kind}/4/${name}`] ?? Number.NaN) / (times[`${kind}/1/${name}`] ?? Number.NaN);
    const t4 = (name: string) =>
      `${(times[`dense/1/${name}`] ?? Number.NaN).toFixed(2)} s → ${(times[`dense/4/${name}`] ?? Number.NaN).toFixed(2)} s = ${scale('dense', name).toFixed(2)}×`;
    const lines = [
      '| image | targets | bootstick | bootstick first flash | dd+cmp | ratio | etcher-sdk | ratio | bmaptool | ratio |',
      '|---|---|---|---|---|---|---|---|---|---|',
      row('sparse', 1),
      row('sparse', 4),
      row('dense', 1),
      row('dense', 4),
      '',
      'bootstick: the image hashed before in this helper run (a batch); first flash: its audit SHA-256 taken during the job. Ratios: repeat / first flash',
      `four targets vs one: sparse ${scale('sparse').toFixed(2)}× (first flash ${scale('sparse', 'bootstick first').toFixed(2)}×), dense ${scale('dense').toFixed(2)}× (first flash ${scale('dense', 'bootstick first').toFixed(2)}×) (target ≤ 1.5×)`,
      `kernel floor, four vs one (dense: dd writes, dd reads back with O_DIRECT, nothing compared): ${t4('kernel floor')}`,
      `reference tools, four vs one (dense): dd+cmp ${scale('dense', 'dd+cmp').toFixed(2)}×, etcher-sdk ${scale('dense', 'etcher-sdk').toFixed(2)}×, bmaptool ${scale('dense', 'bmaptool').toFixed(2)}×`,
      `helper peak RSS: ${rss.toFixed(0)} MB (target < 250 MB)`,
      'images: sparse = 4 GiB GPT (EFI vfat + xfs root, ~230 MiB of data); dense = 1 GiB random',
      `each cell: the median of ${ROUNDS} rounds, contenders taking turns, sync before every run`,
    ];
    const reused = await reusedStickRows({
      helper,
      loops,
      image: images.sparse.path,
      driveSize: 4 * GiB + 4 * MiB,
      scratch: dir,
      rounds: ROUNDS,
    });
    process.stdout.write(`${[...lines, '', ...reused].join('\n')}\n`);
  } finally {
    await helper.close();
    await loops.cleanup();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
