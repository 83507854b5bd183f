import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT, ROOT, requireBuild } from '../support/builtApp';
import { createLoopDevices, requireRoot } from '../support/loopDevices';
import { sha256Of, writePatternFile } from '../support/patternFile';
import { MiB } from '../support/units';

const exec = promisify(execFile);
const loops = createLoopDevices();
const children: ChildProcess[] = [];
let dir: string;
let image: string;
let imageSha: string;

beforeAll(async () => {
  requireRoot();
  requireBuild();
  dir = await loops.tempDir();
  image = join(dir, 'image.img');
  imageSha = await writePatternFile(image, 8 * MiB);
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await loops.cleanup();
});

/** `bootstick station …` as a person starts it; its JSON events arrive line by line. */
function startStation(args: string[]) {
  const child = spawn(process.execPath, [BUILT.cli, 'station', ...args], {
    cwd: ROOT,
    env: { ...process.env, BOOTSTICK_DATA_DIR: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const events: { type: string; [key: string]: unknown }[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => events.push(JSON.parse(line)));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const until = async (match: (event: (typeof events)[number]) => boolean, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = events.find(match);
      if (found) return found;
      if (Date.now() > deadline || child.exitCode !== null) {
        throw new Error(
          `station never said that; stderr: ${stderr}; events: ${JSON.stringify(events.slice(-5))}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  return { child, events, exited, until, stderr: () => stderr };
}

describe('bootstick station', () => {
  it('writes the armed sticks, disarms at --count, and leaves a batch report in CSV and JSON', async () => {
    const files = await Promise.all(
      ['one', 'two', 'three'].map((name) => loops.createBackingFile(32 * MiB, { dir, name: `${name}.img` })),
    );
    const reportDir = join(dir, 'reports');
    const layoutFile = join(dir, 'hub-a.json');
    const station = startStation([
      image,
      '--save-layout',
      layoutFile,
      '--virtual',
      '--json',
      '--count',
      '2',
      '--report-dir',
      reportDir,
      ...files.flatMap((file, index) => ['--slot', `loop:${file}=hub A, ${index + 1}`]),
    ]);
    await station.until((event) => event.type === 'counters');
    const first = await loops.attachFile(files[0] as string);
    await station.until(
      (event) => event.type === 'slot' && (event.slot as { phase: string }).phase === 'done',
    );
    const second = await loops.attachFile(files[1] as string);
    const batch = await station.until((event) => event.type === 'batch', 60_000);
    expect(await station.exited).toBe(0);
    expect(station.events.some((event) => event.type === 'disarmed' && event.why === 'targetReached')).toBe(
      true,
    );
    expect(batch.counters).toMatchObject({ done: 2, failed: 0, target: 2 });
    for (const drive of [first, second]) expect(await sha256Of(drive.path, 8 * MiB)).toBe(imageSha);

    const paths = batch.report as { csv: string; json: string };
    const json = JSON.parse(await readFile(paths.json, 'utf8'));
    expect(json.rows).toHaveLength(2);
    const rows = parse(await readFile(paths.csv, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.slot, row.result, row.verified, row.imageSha256, row.serial])).toEqual([
      ['hub A, 1', 'verified', 'true', imageSha, `loop:${files[0]}`],
      ['hub A, 2', 'verified', 'true', imageSha, `loop:${files[1]}`],
    ]);
    // The layout saved is the one armed, and arms the same ports next time.
    expect(JSON.parse(await readFile(layoutFile, 'utf8'))).toEqual({
      name: 'hub-a',
      slots: files.map((file, index) => ({ port: `loop:${file}`, name: `hub A, ${index + 1}` })),
    });
    for (const row of rows) {
      expect(Number(row.bytesPerSecond)).toBeGreaterThan(0);
      expect(Date.parse(row.endedAt as string)).toBeGreaterThanOrEqual(Date.parse(row.startedAt as string));
      expect(row.bootTest).toBe('notRun');
    }

    // Next batch from the saved layout: the sticks still in their ports are left alone, the third is written.
    const next = startStation([
      image,
      '--virtual',
      '--json',
      '--count',
      '1',
      '--report-dir',
      reportDir,
      '--layout',
      layoutFile,
    ]);
    await next.until((event) => event.type === 'counters');
    const third = await loops.attachFile(files[2] as string);
    await next.until((event) => event.type === 'batch', 60_000);
    expect(await next.exited).toBe(0);
    expect(await sha256Of(third.path, 8 * MiB)).toBe(imageSha);
  });

  it.each([
    [['--slot', 'no-equals-sign'], 'write it as <port>=<name>'],
    [[], 'Arm at least one port'],
    [['--slot', 'loop:/x=a', '--slot', 'loop:/x=b'], 'armed twice'],
    [['--slot', 'loop:/x=a', '--count', '0'], 'whole number of sticks'],
    [['--slot', 'loop:/x=a', '--min-size', '8G'], '--min-size 8G'],
    [['--slot', 'loop:/x=a', '--stall-seconds', 'soon'], '--stall-seconds soon'],
    [['--layout', '/nonexistent/layout.json'], 'cannot be read'],
  ])('refuses %j before arming, saying why (exit 2), writing nothing', async (args, words) => {
    // The slot named is a real stick, already in its port.
    const file = await loops.createBackingFile(16 * MiB, { dir });
    await writePatternFile(file, 16 * MiB);
    const drive = await loops.attachFile(file);
    const before = await sha256Of(drive.path, 16 * MiB);
    const withPort = args.map((arg) => arg.replace('loop:/x', `loop:${file}`));
    const result = await exec(process.execPath, [BUILT.cli, 'station', image, '--virtual', ...withPort], {
      env: { ...process.env, BOOTSTICK_DATA_DIR: dir },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(words);
    expect(await sha256Of(drive.path, 16 * MiB)).toBe(before);
  });
});
