import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildRecord } from '../../src/shared/diskImages/buildRecord';
import { type BuildSession, startBuildSession } from '../support/buildSession';
import { podman } from '../support/podman';
import { ensureBibStandin, ensureSourceImage, requirePodman } from '../support/podmanFixtures';
import { readPartitions } from '../support/testImages';

/**
 * A build as the app runs it: main's build service, the real privileged helper, real rootful
 * podman, and the stand-in bootc-image-builder (tests/fixtures/bib-standin), which behaves like
 * bib: its CLI, its stages, its outputs, and its failures. Failures are in buildFailures.test.ts.
 */

const PLAIN_PASSWORD = 'correct horse battery staple';
const SSH_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPKlgWLL8YcjaJJuizgbayxwR7WF9c1750BQmAmiMhTH ada@bootstick-test';
const CONFIG = {
  customizations: {
    user: [{ name: 'ada', password: PLAIN_PASSWORD, key: SSH_KEY, groups: ['wheel'] }],
    kernel: { append: 'console=ttyS0' },
  },
};

let session: BuildSession;
let bib: string;
let bibNew: string;
let bootc: string;
let slowBootc: string;

beforeAll(async () => {
  await requirePodman();
  [bib, bibNew, bootc, slowBootc] = await Promise.all([
    ensureBibStandin('bib'),
    ensureBibStandin('newbib'),
    ensureSourceImage('bootc', { pace: 2 }),
    ensureSourceImage('bootc', { pace: 30, tag: 'slow' }),
  ]);
  session = await startBuildSession({ bibImage: bib });
}, 300_000);

afterAll(async () => session?.close());

/** The stage that creates the users: org.osbuild.users on a disk image, the kickstart on an ISO. */
async function usersStage(outputDir: string, type: string) {
  const manifest = JSON.parse(await readFile(join(outputDir, `manifest-${type}.json`), 'utf8')) as {
    pipelines: { stages: { type: string; options: Record<string, unknown> }[] }[];
  };
  const stages = manifest.pipelines.flatMap((pipeline) => pipeline.stages);
  const kind = type.includes('iso') ? 'org.osbuild.kickstart' : 'org.osbuild.users';
  return stages.find((stage) => stage.type === kind);
}

/** The private config folders root keeps for running bib (helper/diskImages/bibConfigFile.ts). */
const leftoverConfigs = async () => await readdir('/var/lib/bootstick/configs').catch(() => [] as string[]);
const bootstickContainers = async () =>
  (await podman(['ps', '--all', '--external', '--format', '{{.Names}}'])).stdout
    .split('\n')
    .filter((name) => name.startsWith('bootstick-'));

describe('a raw disk image build', () => {
  let record: BuildRecord;

  it('builds image/disk.raw with the user, the hashed password and the SSH key baked in', async () => {
    const configsBefore = await leftoverConfigs();
    record = await session.service.run({ sourceImage: bootc, type: 'raw', config: CONFIG });
    expect(record.error).toBeNull();
    expect(record.outcome).toBe('succeeded');
    expect(record.artifact).toBe(join(record.outputDir ?? '', 'image/disk.raw'));

    const disk = await stat(record.artifact ?? '');
    expect(disk.size).toBe(record.artifactBytes);
    expect(disk.blocks * 512).toBeLessThan(disk.size / 10); // sparse, as bib's disk.raw is
    expect((await readPartitions(record.artifact ?? '')).label).toBe('gpt');

    const users = (await usersStage(record.outputDir ?? '', 'raw'))?.options.users as Record<
      string,
      { password: string; key: string; groups: string[] }
    >;
    expect(users.ada?.key).toBe(SSH_KEY);
    expect(users.ada?.groups).toEqual(['wheel']);
    expect(users.ada?.password).toMatch(/^\$6\$[./A-Za-z0-9]{16}\$[./A-Za-z0-9]{86}$/);
    // bib saw only the hash: the stand-in leaves this marker when a config password is plain.
    await expect(stat(join(record.outputDir ?? '', '.standin-saw-plaintext'))).rejects.toThrow(/ENOENT/);

    // The private config file is gone, and no plain password sits in the record or the log.
    expect(await leftoverConfigs()).toEqual(configsBefore);
    const saved = await readFile(join(session.dataDir, 'builds/history', `${record.id}.json`), 'utf8');
    const log = await readFile(record.logFile ?? '', 'utf8');
    for (const text of [saved, log, JSON.stringify(session.progressOf(record.id))]) {
      expect(text).not.toContain(PLAIN_PASSWORD);
    }
    expect(log).toContain('Build complete!');
    expect(await bootstickContainers()).toEqual([]);
  });

  it('reports progress from the manifest stage list: never backwards, every stage named, ending done', () => {
    const events = session.progressOf(record.id);
    const fractions = events.map((event) => event.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(events.at(-1)).toMatchObject({ phase: 'done', fraction: 1 });
    const stages = events.flatMap((event) => (event.stage ? [event.stage] : []));
    expect(stages.length).toBeGreaterThan(5);
    const total = stages[0]?.total ?? 0;
    expect(total).toBeGreaterThan(5);
    expect(stages.every((stage) => stage.total === total && stage.index <= total)).toBe(true);
    // Only the stages osbuild runs for the raw export count: the last one reached is the last
    // counted (the qcow2, vmdk, ovf, archive and gce pipelines of the manifest never run).
    expect(Math.max(...stages.map((stage) => stage.index))).toBe(total);
    expect(stages.map((stage) => stage.name)).toContain('org.osbuild.bootc.install-to-filesystem');
    const phases = [...new Set(events.map((event) => event.phase))];
    expect(phases).toEqual(['preflight', 'manifest', 'building', 'finishing', 'done']);

    const seconds = ((events.at(-1)?.at ?? 0) - (events[0]?.at ?? 0)) / 1000;
    console.info(
      `build progress: ${events.length} events in ${seconds.toFixed(1)} s (${(events.length / seconds).toFixed(1)}/s); ` +
        `container started ${record.containerStartMs} ms after "build"`,
    );
  });

  it('streams bib’s whole log while it runs and keeps it with the record', async () => {
    const streamed = session.logOf(record.id);
    expect(streamed).toContain('Build complete!');
    expect(streamed.some((line) => line.startsWith('org.osbuild.users: '))).toBe(true);
    const saved = (await readFile(record.logFile ?? '', 'utf8')).split('\n');
    expect(saved.length).toBeGreaterThanOrEqual(streamed.length);
  });

  it('reuses the output at once for identical inputs, the same plain password included', async () => {
    const started = Date.now();
    const again = await session.service.run({ sourceImage: bootc, type: 'raw', config: CONFIG });
    const took = Date.now() - started;
    expect(again.outcome).toBe('cached');
    expect(again.artifact).toBe(record.artifact);
    expect(again.containerStartMs).toBeNull(); // no bib container ran
    console.info(`cache hit answered in ${took} ms`);
    const events = session.progressOf(again.id);
    expect(events.at(-1)).toMatchObject({ phase: 'done', fraction: 1 });
    expect(events.at(-1)?.message).toMatch(/Reused/);
  });

  it('builds again when anything that decides the image changed (another password)', async () => {
    const changed = structuredClone(CONFIG);
    changed.customizations.user[0] = { ...CONFIG.customizations.user[0], password: 'another one' } as never;
    const other = await session.service.run({ sourceImage: bootc, type: 'raw', config: changed });
    expect(other.outcome).toBe('succeeded');
    expect(other.artifact).not.toBe(record.artifact);
  });

  it('lists every build in the history, newest first', async () => {
    const { listBuildRecords } = await import('../../src/core/diskImages/buildHistory');
    const history = await listBuildRecords(session.dataDir);
    expect(history.map((entry) => entry.outcome)).toEqual(['succeeded', 'cached', 'succeeded']);
  });
});

describe('an ISO build', () => {
  it('writes bootiso/install.iso with the users in its kickstart', async () => {
    const record = await session.service.run({ sourceImage: bootc, type: 'anaconda-iso', config: CONFIG });
    expect(record.error).toBeNull();
    expect(record.artifact).toMatch(/bootiso\/install\.iso$/);
    const iso = await readFile(record.artifact ?? '');
    expect(iso.subarray(0x8001, 0x8006).toString('latin1')).toBe('CD001');
    const kickstart = JSON.stringify((await usersStage(record.outputDir ?? '', 'anaconda-iso'))?.options);
    expect(kickstart).toContain(SSH_KEY);
    expect(kickstart).not.toContain(PLAIN_PASSWORD);
  });
});

describe('the other bootc-image-builder code base', () => {
  it('builds with the successor image (NEWBIB), passing only the flags it has', async () => {
    const record = await session.service.run({
      sourceImage: bootc,
      type: 'qcow2',
      config: {},
      bibImage: bibNew,
    });
    expect(record.error).toBeNull();
    expect(record.outcome).toBe('succeeded');
    const header = (await readFile(record.artifact ?? '')).subarray(0, 4);
    expect(header).toEqual(Buffer.from('QFI\xfb', 'latin1'));
  });
});

describe('cancelling a build', () => {
  it('stops bib promptly, leaves no container and no partial output', async () => {
    let buildId = '';
    const running = session.service.run({ sourceImage: slowBootc, type: 'raw', config: CONFIG }, (id) => {
      buildId = id;
    });
    // Wait until osbuild is inside a stage, then cancel.
    const deadline = Date.now() + 30_000;
    while (!session.progressOf(buildId).some((event) => event.stage !== null) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(session.progressOf(buildId).some((event) => event.stage !== null)).toBe(true);
    const cancelledAt = Date.now();
    expect(await session.service.cancel(buildId)).toBe(true);
    const record = await running;
    const took = Date.now() - cancelledAt;
    console.info(`cancel took ${took} ms`);
    expect(took).toBeLessThan(15_000);
    expect(record.outcome).toBe('cancelled');
    expect(record.error?.code).toBe('cancelled');
    expect(record.outputDir).toBeNull();
    expect(session.progressOf(buildId).at(-1)?.phase).toBe('cancelled');
    expect(await bootstickContainers()).toEqual([]);
    const folders = await readdir(session.outputRoot);
    expect(folders.filter((name) => name.includes(buildId))).toEqual([]);
  });
});
