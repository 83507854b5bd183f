import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HelperCallError } from '../../src/core/privileged/helperClient';
import type { BuildErrorCode } from '../../src/shared/diskImages/buildErrors';
import { type BuildSession, startBuildSession } from '../support/buildSession';
import { podman } from '../support/podman';
import {
  ensureBibStandin,
  ensureSourceImage,
  requirePodman,
  type SourceKind,
} from '../support/podmanFixtures';

/**
 * Every way a build can fail, through main's build service, the real helper and real podman:
 * each ends with its own code and plain words, and leaves no container, no config file and no
 * partial output behind.
 */

const run = promisify(execFile);
let session: BuildSession;
let bib: string;

beforeAll(async () => {
  await requirePodman();
  bib = await ensureBibStandin('bib');
  session = await startBuildSession({ bibImage: bib });
}, 300_000);

afterAll(async () => session?.close());

const bootstickContainers = async () =>
  (await podman(['ps', '--all', '--external', '--format', '{{.Names}}'])).stdout
    .split('\n')
    .filter((name) => name.startsWith('bootstick-'));

async function expectNothingLeft() {
  expect(await bootstickContainers()).toEqual([]);
  expect(await readdir(session.outputRoot)).toEqual([]);
  expect((await readdir(tmpdir())).filter((name) => name.startsWith('bootstick-bibconfig-'))).toEqual([]);
}

describe('bib fails the way bib fails', () => {
  it.each<[SourceKind, BuildErrorCode, RegExp]>([
    ['fail-no-space', 'noSpaceLeft', /No space left on device/],
    ['fail-selinux', 'selinuxSetfiles', /setfiles/],
    ['fail-osbuild', 'osbuildFailed', /.+/],
    ['fail-oom', 'killed', /.*/],
    ['no-rootfs', 'missingRootfs', /DefaultRootFs|--rootfs/],
  ])(
    '%s ends as %s, with bib’s own words and nothing left behind',
    async (kind, code, detail) => {
      const source = await ensureSourceImage(kind, { pace: 1 });
      const record = await session.service.run({ sourceImage: source, type: 'raw', config: {} });
      expect(record.outcome).toBe('failed');
      expect(record.error?.code).toBe(code);
      expect(record.error?.message.length).toBeGreaterThan(10);
      expect(record.error?.fix.length).toBeGreaterThan(10);
      expect(record.error?.detail ?? '').toMatch(detail);
      expect(record.artifact).toBeNull();
      expect(record.outputDir).toBeNull();
      expect(session.progressOf(record.id).at(-1)?.phase).toBe('failed');
      await expectNothingLeft();
    },
    120_000,
  );
});

describe('the preflight stops a build before any container runs', () => {
  it('refuses an image that is not a bootc image', async () => {
    const source = await ensureSourceImage('not-bootc');
    const record = await session.service.run({ sourceImage: source, type: 'raw', config: {} });
    expect(record.error?.code).toBe('notBootcImage');
    expect(record.preflight.find((check) => check.id === 'sourceIsBootc')).toMatchObject({ ok: false });
    expect(record.containerStartMs).toBeNull();
    await expectNothingLeft();
  });

  it('names a source image root does not have, and how to get it', async () => {
    const record = await session.service.run({
      sourceImage: 'localhost/bootstick-test/absent:1',
      type: 'raw',
      config: {},
    });
    expect(record.error?.code).toBe('sourceImageMissing');
    expect(record.error?.message).toContain('localhost/bootstick-test/absent:1');
    expect(record.error?.fix).toContain('sudo podman pull localhost/bootstick-test/absent:1');
    await expectNothingLeft();
  });

  it('names a missing builder image', async () => {
    const source = await ensureSourceImage('bootc');
    const record = await session.service.run({
      sourceImage: source,
      type: 'raw',
      config: {},
      bibImage: 'localhost/bootstick-test/no-such-bib:1',
    });
    expect(record.error?.code).toBe('bibImageMissing');
    await expectNothingLeft();
  });

  it('tries to pull when asked, and reports podman’s reason when the pull fails', async () => {
    const record = await session.service.run({
      sourceImage: 'localhost:5999/nobody/absent:1',
      type: 'raw',
      config: {},
      pullMissing: true,
    });
    expect(record.error?.code).toBe('sourceImageMissing');
    expect(record.error?.detail ?? '').toMatch(/localhost:5999|connect|refused/i);
    expect(session.progressOf(record.id).map((event) => event.phase)).toContain('pulling');
    await expectNothingLeft();
  });

  describe('on an output disk that is too small or read-only', () => {
    let mountpoint: string;
    beforeAll(async () => {
      mountpoint = await mkdtemp(join(tmpdir(), 'bootstick-tiny-'));
      await run('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mountpoint]);
    });
    afterAll(async () => {
      await run('umount', [mountpoint]).catch(() => {});
      await rm(mountpoint, { recursive: true, force: true });
    });

    it('refuses to start without room for the image', async () => {
      const source = await ensureSourceImage('bootc');
      const record = await session.service.run({
        sourceImage: source,
        type: 'raw',
        config: {},
        outputRoot: mountpoint,
      });
      expect(record.error?.code).toBe('notEnoughSpace');
      expect(record.error?.message).toMatch(/Only .* free/);
      expect(await readdir(mountpoint)).toEqual([]);
    });

    it('refuses an output folder it cannot write', async () => {
      await run('mount', ['-o', 'remount,ro', mountpoint]);
      try {
        const source = await ensureSourceImage('bootc');
        const record = await session.service.run({
          sourceImage: source,
          type: 'raw',
          config: {},
          outputRoot: mountpoint,
        });
        expect(record.error?.code).toBe('outputNotWritable');
      } finally {
        await run('mount', ['-o', 'remount,rw', mountpoint]);
      }
    });
  });
});

describe('a blueprint the rules refuse never reaches bib', () => {
  it.each([
    [
      'a user name with a space',
      { customizations: { user: [{ name: 'ada lovelace' }] } },
      /ada lovelace|name/i,
    ],
    [
      'a yescrypt hash osbuild would hash again',
      { customizations: { user: [{ name: 'ada', password: '$y$j9T$a$b' }] } },
      /yescrypt/,
    ],
    ['an unknown key', { customizations: { hostnam: 'x' } }, /hostnam/],
  ])('refuses %s with the reason, building nothing', async (_name, config, reason) => {
    const source = await ensureSourceImage('bootc');
    const { listBuildRecords } = await import('../../src/core/diskImages/buildHistory');
    const count = (await listBuildRecords(session.dataDir)).length;
    await expect(session.service.run({ sourceImage: source, type: 'raw', config })).rejects.toThrow(reason);
    expect((await listBuildRecords(session.dataDir)).length).toBe(count);
    await expectNothingLeft();
  });

  it('refuses kickstart together with users for an ISO, as bib does', async () => {
    const source = await ensureSourceImage('bootc');
    const config = {
      customizations: {
        user: [{ name: 'ada' }],
        installer: { kickstart: { contents: 'text --non-interactive' } },
      },
    };
    await expect(session.service.run({ sourceImage: source, type: 'anaconda-iso', config })).rejects.toThrow(
      /kickstart/i,
    );
    await expectNothingLeft();
  });
});

describe('the helper trusts nothing it is told', () => {
  const request = (overrides: Record<string, unknown>) => ({
    method: 'runBib' as const,
    params: {
      jobId: 'trust-test',
      mode: 'build' as const,
      bibImage: bib,
      sourceImage: 'localhost/bootstick-test/source-bootc:latest',
      type: 'raw' as const,
      config: {},
      bibFlags: ['--type', '--progress', '--chown'],
      ...overrides,
    },
  });

  it('refuses a plain-text password, writing no config file', async () => {
    const client = await session.helper.get();
    const config = { customizations: { user: [{ name: 'ada', password: 'hunter2' }] } };
    const outputDir = await mkdtemp(join(session.outputRoot, 'plain-'));
    const call = client.call(request({ config, outputDir }));
    await expect(call).rejects.toThrow(/not a SHA-512 crypt hash/);
    await expect(call).rejects.not.toThrow(/hunter2/);
    expect(await readdir(outputDir)).toEqual([]);
    await rm(outputDir, { recursive: true });
    await expectNothingLeft();
  });

  it('refuses an output folder that is not empty, is a symlink, or is a system folder', async () => {
    const client = await session.helper.get();
    const full = await mkdtemp(join(session.outputRoot, 'full-'));
    await writeFile(join(full, 'keep-me'), 'precious');
    const real = await mkdtemp(join(session.outputRoot, 'real-'));
    const link = join(session.outputRoot, 'link');
    await symlink(real, link);
    for (const [outputDir, reason] of [
      [full, /not empty/],
      [link, /symbolic link/],
      ['/etc', /system folder/],
    ] as const) {
      const error = await client.call(request({ outputDir })).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(HelperCallError);
      expect((error as HelperCallError).error.code).toBe('refused');
      expect((error as Error).message).toMatch(reason);
    }
    expect(await readdir(full)).toEqual(['keep-me']);
    await rm(full, { recursive: true });
    await rm(real, { recursive: true });
    await rm(link);
    await mkdir(session.outputRoot, { recursive: true });
    expect(await bootstickContainers()).toEqual([]);
  });

  it('refuses podman arguments smuggled in as an image name', async () => {
    const client = await session.helper.get();
    const error = await client
      .call(request({ sourceImage: '--volume=/:/host' }))
      .catch((caught: unknown) => caught);
    expect((error as HelperCallError).error.code).toBe('badRequest');
  });
});
