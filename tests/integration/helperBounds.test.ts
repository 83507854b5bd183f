import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { helperCommand } from '../../src/core/privileged/helperCommand';
import { BUILT } from '../support/builtApp';
import { TEST_FLASH_OPTIONS } from '../support/helperSession';
import { createLoopDevices } from '../support/loopDevices';
import { writePatternFile } from '../support/patternFile';
import { CONTAINERS_CONF } from '../support/podman';
import { ensureBusyboxBase, requirePodman } from '../support/podmanFixtures';
import { MiB } from '../support/units';

/**
 * The helper's memory and jobs are bounded whatever its caller does: a caller that stops reading
 * its output, sends a line that never ends, or sends the same job twice at once. The built helper,
 * started here by hand so the test controls both of its pipes.
 */
/** What the helper may grow by while its reader stalls (its own queue is capped at 1 MiB). */
const RSS_BOUND = 96 * MiB;
const loops = createLoopDevices();
let base: string;
let helper: ChildProcessWithoutNullStreams | null = null;

beforeAll(async () => {
  await requirePodman();
  base = await ensureBusyboxBase();
}, 300_000);

afterEach(() => {
  helper?.kill('SIGKILL');
  helper = null;
});
afterAll(() => loops.cleanup());

function startHelper(): ChildProcessWithoutNullStreams {
  const command = helperCommand({
    uid: 0,
    execPath: process.execPath,
    helperPath: BUILT.helper,
    electron: false,
  });
  helper = spawn(command.command, command.args, {
    env: { ...command.env, CONTAINERS_CONF },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return helper;
}

async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

/** Reads the helper's output lines as JSON, calling `onMessage` for each. */
function readMessages(
  child: ChildProcessWithoutNullStreams,
  onMessage: (message: Record<string, unknown>) => void,
) {
  let pending = '';
  child.stdout.on('data', (chunk: Buffer) => {
    const parts = (pending + chunk.toString()).split('\n');
    pending = parts.pop() ?? '';
    for (const part of parts) if (part) onMessage(JSON.parse(part) as Record<string, unknown>);
  });
}

const send = (child: ChildProcessWithoutNullStreams, message: unknown) =>
  child.stdin.write(`${JSON.stringify(message)}\n`);

describe('a caller that stops reading', () => {
  it('keeps the helper’s memory flat while a build floods it with output, and loses nothing it kept', async () => {
    const context = await loops.tempDir();
    await writeFile(join(context, 'nonce'), randomBytes(16).toString('hex')); // no cached layer
    await writeFile(
      join(context, 'Containerfile'),
      `FROM ${base}\nCOPY nonce /nonce\nRUN yes 'a chatty build step, as dnf installing many packages prints it' | head -c 1500000000\n`,
    );
    const child = startHelper();
    const pid = child.pid as number;
    await new Promise((resolve) => setTimeout(resolve, 500));
    const baseline = await rssOf(pid);
    send(child, {
      id: 1,
      method: 'podmanBuild',
      params: {
        jobId: 'flood-1',
        contextDir: context,
        containerfile: join(context, 'Containerfile'),
        tag: 'localhost/bootstick-test/flood:1',
      },
    });
    // Nobody reads the helper's stdout for 15 s: the pipe fills, then the helper's own queue.
    let peak = baseline;
    for (let tick = 0; tick < 30; tick += 1) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      peak = Math.max(peak, await rssOf(pid));
    }
    // Now read: the flood is real (a lot arrives at once), and the build still answers to cancel.
    let logBytes = 0;
    let response: Record<string, unknown> | null = null;
    readMessages(child, (message) => {
      if (message.event === 'buildLog') logBytes += String((message.log as { line: string }).line).length;
      if (message.id === 1) response = message;
    });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const flowed = logBytes;
    send(child, { id: 2, method: 'cancel', params: { jobId: 'flood-1' } });
    const deadline = Date.now() + 60_000;
    while (!response && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    console.log(
      `helper RSS: ${(baseline / MiB).toFixed(0)} MiB at rest, ${(peak / MiB).toFixed(0)} MiB at most while stalled; ${(flowed / MiB).toFixed(0)} MiB of log in the 2 s after`,
    );
    expect(flowed).toBeGreaterThan(8 * MiB);
    expect(peak - baseline).toBeLessThan(RSS_BOUND);
    expect(response).toMatchObject({ id: 1, ok: true, result: { cancelled: true } });
  }, 120_000);
});

describe('a caller that sends a line that never ends', () => {
  it('is told once, the line is dropped as it arrives, and the helper goes on serving', async () => {
    const child = startHelper();
    const pid = child.pid as number;
    const messages: Record<string, unknown>[] = [];
    readMessages(child, (message) => messages.push(message));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const baseline = await rssOf(pid);
    // 256 MiB without a newline: kept whole it would be that much (and twice over as a string).
    const chunk = Buffer.alloc(MiB, 0x61);
    let peak = baseline;
    for (let index = 1; index <= 256; index += 1) {
      if (!child.stdin.write(chunk)) await new Promise((resolve) => child.stdin.once('drain', resolve));
      if (index % 16 === 0) peak = Math.max(peak, await rssOf(pid));
    }
    child.stdin.write('\n');
    send(child, { id: 7, method: 'hello' });
    const deadline = Date.now() + 10_000;
    while (!messages.some((message) => message.id === 7) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(messages.filter((message) => message.id === null)).toEqual([
      {
        id: null,
        ok: false,
        error: { code: 'badRequest', message: 'A request longer than 4194304 bytes was dropped.' },
      },
    ]);
    expect(messages.find((message) => message.id === 7)).toMatchObject({ ok: true, result: { uid: 0 } });
    // What it grows by is garbage not yet collected, the same for 64 MiB as for 512 MiB.
    expect(peak - baseline).toBeLessThan(RSS_BOUND);
  });
});

describe('two requests for one job id at once', () => {
  it('runs the first and refuses the second as already running', async () => {
    const child = startHelper();
    const messages: Record<string, unknown>[] = [];
    readMessages(child, (message) => messages.push(message));
    const dir = await loops.tempDir();
    const image = join(dir, 'twice.img');
    await writePatternFile(image, 64 * MiB);
    const drive = await loops.attach(64 * MiB);
    const params = { jobId: 'same-job', image, drives: [drive.path], options: TEST_FLASH_OPTIONS };
    child.stdin.write(
      `${JSON.stringify({ id: 1, method: 'flash', params })}\n${JSON.stringify({ id: 2, method: 'flash', params })}\n`,
    );
    const deadline = Date.now() + 60_000;
    while (
      messages.filter((message) => message.id === 1 || message.id === 2).length < 2 &&
      Date.now() < deadline
    )
      await new Promise((resolve) => setTimeout(resolve, 100));
    const second = messages.find((message) => message.id === 2);
    expect(second).toEqual({
      id: 2,
      ok: false,
      error: { code: 'refused', message: 'Job same-job is already running.' },
    });
    expect(messages.find((message) => message.id === 1)).toMatchObject({
      ok: true,
      result: { drives: [{ status: 'verified' }] },
    });
  });
});
