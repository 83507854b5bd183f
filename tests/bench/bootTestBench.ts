/**
 * `npm run bench`, boot-test part: time from "boot test" to "booted" for the tiny UEFI fixture
 * (tests/support/bootFixture.ts) against the same QEMU command run by hand and stopped when
 * `login:` first shows on its serial output, measured in this one run under TCG. Goal ≤ 1.1×.
 * Twice: an image file (runBootTest, as the CLI and the app run it) and the fixture on a loop
 * drive through the built helper (pinning, read-only flag, QEMU switching to nobody, the overlay
 * watch), its hand-run QEMU opening the same loop device with snapshot=on.
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runBootTest } from '../../src/core/bootTest/runBootTest';
import { findUefiFirmware } from '../../src/core/bootTest/uefiFirmware';
import { bootFixture } from '../support/bootFixture';
import { startTestHelper, testJobId } from '../support/helperSession';
import { createLoopDevices } from '../support/loopDevices';

const RUNS = 2;
const TIMEOUT_MS = 180_000;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** The command Bootstick ran, with its private paths swapped for this run's own. */
function byHand(qemu: string, args: string[], scratch: string): Promise<number> {
  const vars = /file=([^,]+)\/vars\.fd/.exec(args.join(' '))?.[1];
  if (!vars) throw new Error('the boot test command has no vars copy');
  const ownArgs = args.map((arg) => arg.split(vars).join(scratch));
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(qemu, ownArgs, { stdio: ['pipe', 'pipe', 'inherit'] });
    let seen = '';
    let seconds: number | undefined;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      seen = (seen + text).slice(-200);
      if (seconds === undefined && seen.includes('login:')) {
        seconds = (performance.now() - start) / 1000;
        child.kill('SIGKILL');
      }
    });
    child.once('exit', (code) =>
      seconds === undefined
        ? reject(new Error(`QEMU by hand ended (${code}) before login:`))
        : resolve(seconds),
    );
  });
}

/** The image run's command with the loop drive as its disk, the one difference left by hand. */
const onDrive = (args: string[], image: string, drive: string) =>
  args.map((arg) => arg.split(`file=${image},`).join(`file=${drive},`));

async function benchDrive(image: string, command: { qemu: string; args: string[] }, scratch: string) {
  const firmware = await findUefiFirmware();
  if (!firmware) throw new Error('no UEFI firmware descriptor: install ovmf');
  const loops = createLoopDevices();
  const helper = await startTestHelper();
  try {
    const backing = await loops.createBackingFile(0, { name: 'bench-boot.img' });
    await copyFile(image, backing);
    const drive = await loops.attachFile(backing);
    const hand: number[] = [];
    const bootstick: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const start = performance.now();
      const result = await helper.call({
        method: 'bootTestDrive',
        params: {
          jobId: testJobId(),
          drive: drive.path,
          includeVirtual: true,
          timeoutSeconds: TIMEOUT_MS / 1000,
          accelerator: 'tcg',
        },
      });
      if (result.outcome !== 'booted') throw new Error(`drive boot test: ${result.outcome}`);
      bootstick.push((performance.now() - start) / 1000);
      await copyFile(firmware.varsTemplate, join(scratch, 'vars.fd'));
      hand.push(await byHand(command.qemu, onDrive(command.args, image, drive.path), scratch));
      await rm(join(scratch, 'qmp.sock'), { force: true });
    }
    return { bootstick: median(bootstick), hand: median(hand) };
  } finally {
    await helper.close();
    await loops.cleanup();
  }
}

async function main(): Promise<void> {
  const image = await bootFixture('login');
  const firmware = await findUefiFirmware();
  if (!firmware) throw new Error('no UEFI firmware descriptor: install ovmf');
  const scratch = await mkdtemp(join(tmpdir(), 'bootstick-boot-bench-'));
  try {
    const hand: number[] = [];
    const bootstick: number[] = [];
    let lastCommand: { qemu: string; args: string[] } | undefined;
    for (let run = 0; run < RUNS; run += 1) {
      let command: { qemu: string; args: string[] } | undefined;
      const start = performance.now();
      const result = await runBootTest({
        target: image,
        timeoutMs: TIMEOUT_MS,
        accelerator: 'tcg',
        onCommand: (qemu, args) => {
          command = { qemu, args };
        },
      });
      if (result.outcome !== 'booted' || !command) throw new Error(`boot test: ${result.outcome}`);
      lastCommand = command;
      bootstick.push((performance.now() - start) / 1000);
      await copyFile(firmware.varsTemplate, join(scratch, 'vars.fd'));
      hand.push(await byHand(command.qemu, command.args, scratch));
      await rm(join(scratch, 'qmp.sock'), { force: true });
    }
    const ratio = median(bootstick) / median(hand);
    process.stdout.write(
      `boot test (TCG), image file: Bootstick ${median(bootstick).toFixed(1)} s to "booted", QEMU by hand ${median(hand).toFixed(1)} s to login: — ${ratio.toFixed(2)}× (goal ≤ 1.1×; ${RUNS} runs each, medians)\n`,
    );
    if (!lastCommand) throw new Error('no boot test command seen');
    const drive = await benchDrive(image, lastCommand, scratch);
    process.stdout.write(
      `boot test (TCG), loop drive through the helper: Bootstick ${drive.bootstick.toFixed(1)} s to "booted", QEMU by hand ${drive.hand.toFixed(1)} s to login: — ${(drive.bootstick / drive.hand).toFixed(2)}× (goal ≤ 1.1×; ${RUNS} runs each, medians)\n`,
    );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

await main();
