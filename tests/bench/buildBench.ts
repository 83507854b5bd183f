/**
 * `npm run bench`, build part: a Bootstick build (preflight, bib feature detection, `bib
 * manifest`, `bib build`, record) against running the same bib by hand with the documented
 * podman command, measured in this one run with the stand-in bib at the same pace. Prints the
 * ratio, the time from "build" to the bib container starting, a cache hit's time, and the rate
 * of progress events. Needs root (rootful podman) and a build (`npm run build`).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startBuildSession } from '../support/buildSession';
import { requireBuild } from '../support/builtApp';
import { ensureBibStandin, ensureSourceImage, requirePodman } from '../support/podmanFixtures';
import { runBib } from '../support/runBib';
import { allowStandinBuilders, restoreBuilderList } from '../support/testBuilders';

const RUNS = 3;
const PACE_SECONDS = 3;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function main(): Promise<void> {
  requireBuild();
  await requirePodman();
  const [bib, source] = await Promise.all([
    ensureBibStandin('bib'),
    ensureSourceImage('bootc', { pace: PACE_SECONDS, tag: 'bench' }),
  ]);
  // The helper runs only builders root lists: the stand-in, for this run.
  await allowStandinBuilders();
  const session = await startBuildSession({ bibImage: bib });
  const scratch = await mkdtemp(join(tmpdir(), 'bootstick-build-bench-'));
  try {
    const byHand: number[] = [];
    const bootstick: number[] = [];
    const containerStart: number[] = [];
    const eventRates: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const output = await mkdtemp(join(scratch, 'by-hand-'));
      let start = performance.now();
      const direct = await runBib(bib, ['build', '--type', 'raw', '--progress', 'verbose', source], {
        output,
      });
      if (direct.code !== 0) throw new Error(`bib by hand failed: ${direct.stderr.slice(-500)}`);
      byHand.push((performance.now() - start) / 1000);

      // A different kernel argument each run: a real build every time, never a cache hit.
      const config = { customizations: { kernel: { append: `bench.run=${run}.${Date.now()}` } } };
      start = performance.now();
      const record = await session.service.run({ sourceImage: source, type: 'raw', config });
      if (record.outcome !== 'succeeded') throw new Error(`Bootstick build failed: ${record.error?.message}`);
      bootstick.push((performance.now() - start) / 1000);
      containerStart.push(record.containerStartMs ?? Number.NaN);
      const events = session.progressOf(record.id);
      const seconds = ((events.at(-1)?.at ?? 0) - (events[0]?.at ?? 0)) / 1000;
      eventRates.push(events.length / seconds);
    }
    const hitStart = performance.now();
    const hit = await session.service.run({
      sourceImage: source,
      type: 'raw',
      config: { customizations: { kernel: { append: 'bench.cache' } } },
    });
    const again = performance.now();
    const second = await session.service.run({
      sourceImage: source,
      type: 'raw',
      config: { customizations: { kernel: { append: 'bench.cache' } } },
    });
    const cacheHitSeconds = (performance.now() - again) / 1000;
    if (hit.outcome !== 'succeeded' || second.outcome !== 'cached') throw new Error('the cache did not hit');
    void hitStart;

    const rows = [
      ['bib by hand (podman run … build)', `${median(byHand).toFixed(2)} s`, '1.00×'],
      [
        'Bootstick build (preflight, manifest, build, record)',
        `${median(bootstick).toFixed(2)} s`,
        `${(median(bootstick) / median(byHand)).toFixed(2)}×`,
      ],
      ['"build" → bib build container printing', `${(median(containerStart) / 1000).toFixed(2)} s`, ''],
      [
        'cache hit, identical inputs',
        `${cacheHitSeconds.toFixed(2)} s`,
        `${(cacheHitSeconds / median(byHand)).toFixed(2)}×`,
      ],
      ['progress events during a build', `${median(eventRates).toFixed(1)} /s`, ''],
    ];
    process.stdout.write(`\nBuild (stand-in bib, pace ${PACE_SECONDS} s, median of ${RUNS})\n`);
    for (const [what, value, ratio] of rows) {
      process.stdout.write(`  ${(what ?? '').padEnd(54)} ${(value ?? '').padStart(9)}  ${ratio ?? ''}\n`);
    }
  } finally {
    await session.close();
    await rm(scratch, { recursive: true, force: true });
    await restoreBuilderList();
  }
}

await main();
