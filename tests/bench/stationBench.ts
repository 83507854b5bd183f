/**
 * Station bench (issue 17), part of `npm run bench`: detection latency (insert → the slot shows
 * "writing", 20 inserts, median and max) and sticks per minute for 8 sticks put into an armed
 * `bootstick station` against the same 8 flashed with `bootstick flash` one after another, as a
 * person would by hand. Both through the built CLI, on loop drives, in this one run.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { BUILT, requireBuild } from '../support/builtApp';
import { startTestHelper } from '../support/helperSession';
import { createLoopDevices, requireRoot, run } from '../support/loopDevices';
import { writePatternFile } from '../support/patternFile';
import { createTestStation, loopPort } from '../support/stationHarness';
import { MiB } from '../support/units';

const exec = promisify(execFile);
const STICKS = 8;
const IMAGE_SIZE = 32 * MiB;

type Event = { type: string; slot?: { phase: string } };

function stationCli(args: string[], dataDir: string) {
  const child: ChildProcess = spawn(process.execPath, [BUILT.cli, 'station', ...args], {
    env: { ...process.env, BOOTSTICK_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const events: Event[] = [];
  if (child.stdout)
    createInterface({ input: child.stdout }).on('line', (line) => events.push(JSON.parse(line)));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const until = async (match: (event: Event) => boolean) => {
    while (!events.some(match)) await new Promise((resolve) => setTimeout(resolve, 10));
  };
  return { exited, until };
}

async function latency(dir: string, loops: ReturnType<typeof createLoopDevices>, image: string) {
  const helper = await startTestHelper();
  const file = await loops.createBackingFile(IMAGE_SIZE, { dir, name: 'latency.img' });
  const port = loopPort(file);
  const { station, slotIn } = createTestStation(helper, image, [{ port, name: 'latency' }]);
  try {
    await station.arm();
    const times: number[] = [];
    for (let round = 0; round < 20; round += 1) {
      const since = Date.now();
      const drive = await loops.attachFile(file);
      await slotIn(port, 'writing', since);
      times.push(Date.now() - since);
      await slotIn(port, 'done', since);
      const pulled = Date.now();
      await loops.detach(drive.path);
      await slotIn(port, 'waiting', pulled);
    }
    const sorted = times.sort((a, b) => a - b);
    return { median: ((sorted[9] as number) + (sorted[10] as number)) / 2, max: sorted[19] as number };
  } finally {
    station.close();
    await station.settled();
    await helper.close();
  }
}

async function main(): Promise<void> {
  requireRoot();
  requireBuild();
  const dir = await mkdtemp(join(tmpdir(), 'bootstick-station-bench-'));
  const loops = createLoopDevices();
  try {
    const image = join(dir, 'image.img');
    await writePatternFile(image, IMAGE_SIZE);
    const detection = await latency(dir, loops, image);

    // By hand: one `bootstick flash` per stick, one after another (each starts its helper).
    const byHand: string[] = [];
    for (let index = 0; index < STICKS; index += 1) {
      byHand.push((await loops.attach(64 * MiB, { name: `hand-${index}.img` })).path);
    }
    await run('sync', []);
    let start = performance.now();
    for (const drive of byHand) {
      await exec(process.execPath, [BUILT.cli, 'flash', image, drive, '--virtual', '--yes', '--json'], {
        env: { ...process.env, BOOTSTICK_DATA_DIR: dir },
        maxBuffer: 16 * MiB,
      });
    }
    const handSeconds = (performance.now() - start) / 1000;

    // The station: armed once, the 8 sticks put in, timed from the first insert to the report.
    const files = await Promise.all(
      Array.from({ length: STICKS }, (_, index) =>
        loops.createBackingFile(64 * MiB, { dir, name: `station-${index}.img` }),
      ),
    );
    const slots = files.flatMap((file, index) => ['--slot', `${loopPort(file)}=slot ${index + 1}`]);
    const station = stationCli(
      [image, '--virtual', '--json', '--count', String(STICKS), '--report-dir', dir, ...slots],
      dir,
    );
    await station.until((event) => event.type === 'counters');
    await run('sync', []);
    start = performance.now();
    for (const file of files) await loops.attachFile(file);
    await station.until((event) => event.type === 'batch');
    const stationSeconds = (performance.now() - start) / 1000;
    await station.exited;

    const perMinute = (seconds: number) => (STICKS * 60) / seconds;
    const rows: [string, string][] = [
      [
        'detection latency, insert → writing (20 inserts)',
        `median ${detection.median} ms, max ${detection.max} ms`,
      ],
      [
        `${STICKS} sticks, bootstick flash one after another`,
        `${perMinute(handSeconds).toFixed(1)} sticks/min (${handSeconds.toFixed(2)} s)`,
      ],
      [
        `${STICKS} sticks, bootstick station`,
        `${perMinute(stationSeconds).toFixed(1)} sticks/min (${stationSeconds.toFixed(2)} s)`,
      ],
      ['station ÷ by hand (sticks per minute)', `${(handSeconds / stationSeconds).toFixed(2)}×`],
    ];
    process.stdout.write(`\nStation (${IMAGE_SIZE / MiB} MiB image, loop drives)\n`);
    for (const [what, value] of rows) process.stdout.write(`  ${what.padEnd(52)} ${value}\n`);
  } finally {
    await loops.cleanup();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
