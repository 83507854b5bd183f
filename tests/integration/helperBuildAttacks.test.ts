import { execFile } from 'node:child_process';
import {
  chmod,
  chown,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  rename,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HelperCallError, type HelperClient } from '../../src/core/privileged/helperClient';
import type { BibRunRequest } from '../../src/shared/diskImages/bibRun';
import { startTestHelper, testJobId } from '../support/helperSession';
import {
  ensureBibStandin,
  ensureBusyboxBase,
  ensureSourceImage,
  requirePodman,
} from '../support/podmanFixtures';

/**
 * Attacks on the built helper by someone who controls main (a compromised renderer, or any process
 * of the person while polkit's auth_admin_keep is warm), for builds. The helper runs as pkexec leaves
 * it for `nobody`; every attack must fail *and* leave what it aimed at as it was.
 */
const run = promisify(execFile);
const NOBODY = { uid: 65534, gid: 65534 };
let helper: Awaited<ReturnType<typeof startTestHelper>>;
let logLines: string[] = [];
let bib: string;
let slowSource: string;
let base: string;
let work: string;

beforeAll(async () => {
  await requirePodman();
  [bib, slowSource, base] = await Promise.all([
    ensureBibStandin('bib'),
    ensureSourceImage('bootc', { pace: 4 }),
    ensureBusyboxBase(),
  ]);
  helper = await startTestHelper({ caller: NOBODY.uid });
  helper.onBuildLog((line) => logLines.push(line.line));
  work = await mkdtemp(join(tmpdir(), 'bootstick-attacks-'));
  await chmod(work, 0o755);
}, 300_000);

afterAll(async () => {
  await helper?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/** A folder of the caller's own, as the person's output folder would be. */
async function callersFolder(name: string): Promise<string> {
  const dir = join(work, name);
  await mkdir(dir, { mode: 0o755 });
  await chown(dir, NOBODY.uid, NOBODY.gid);
  return dir;
}

/** A root-owned folder with files, standing for /etc or root's container storage. */
async function rootCanary(name: string): Promise<{ dir: string; snapshot(): Promise<string> }> {
  const dir = join(work, name);
  await mkdir(dir, { mode: 0o755 });
  await writeFile(join(dir, 'keep-1'), 'root’s file\n', { mode: 0o600 });
  await writeFile(join(dir, 'keep-2'), 'root’s other file\n', { mode: 0o644 });
  const snapshot = async () => {
    const names = (await readdir(dir)).sort();
    const owners = await Promise.all(
      [dir, ...names.map((entry) => join(dir, entry))].map((path) => lstat(path)),
    );
    return JSON.stringify({
      names,
      owners: owners.map((info) => `${info.uid}:${info.gid}:${(info.mode & 0o7777).toString(8)}`),
    });
  };
  return { dir, snapshot };
}

const buildRequest = (outputDir: string, overrides: Partial<BibRunRequest> = {}): BibRunRequest => ({
  jobId: testJobId(),
  mode: 'build',
  bibImage: bib,
  sourceImage: slowSource,
  type: 'raw',
  config: {},
  outputDir,
  bibFlags: ['--type', '--progress', '--chown'],
  ...overrides,
});

const runBib = (request: BibRunRequest) => helper.call({ method: 'runBib', params: request });

async function refusal(call: Promise<unknown>): Promise<string> {
  const error = await call.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error, 'the helper should have refused').toBeInstanceOf(HelperCallError);
  expect((error as HelperCallError).error.code).toBe('refused');
  return (error as HelperCallError).error.message;
}

/** Resolves once the helper's bib container for `jobId` has printed a line: the build is running. */
async function buildRunning(jobId: string, client: HelperClient = helper): Promise<void> {
  await new Promise<void>((resolve) => {
    const stop = client.onBuildLog((line) => {
      if (line.jobId === jobId) {
        stop();
        resolve();
      }
    });
  });
}

describe('the build output folder', () => {
  it('swapped for a symlink during a build: root empties and writes nothing through it', async () => {
    const canary = await rootCanary('canary-swap');
    const before = await canary.snapshot();
    const out = await callersFolder('out-swap');
    const request = buildRequest(out);
    const building = runBib(request);
    await buildRunning(request.jobId);
    await rename(out, `${out}-moved`);
    await symlink(canary.dir, out);
    await helper.call({ method: 'cancel', params: { jobId: request.jobId } });
    expect((await building).cancelled).toBe(true);
    expect(await canary.snapshot()).toBe(before);
    expect(await readdir(`${out}-moved`)).toEqual([]);
  });

  it('swapped while a build finishes: the outputs land in the folder the caller named, as theirs', async () => {
    const canary = await rootCanary('canary-swap-done');
    const before = await canary.snapshot();
    const out = await callersFolder('out-swap-done');
    const request = buildRequest(out);
    const building = runBib(request);
    await buildRunning(request.jobId);
    await rename(out, `${out}-moved`);
    await symlink(canary.dir, out);
    expect((await building).exitCode).toBe(0);
    expect(await canary.snapshot()).toBe(before);
    const disk = await stat(join(`${out}-moved`, 'image/disk.raw'));
    expect([disk.uid, disk.gid]).toEqual([NOBODY.uid, NOBODY.gid]);
    // Handed over sparse: a 10 GiB disk.raw holds far less data.
    expect(disk.blocks * 512).toBeLessThan(disk.size / 4);
  });

  it('with a symlink planted in it during a build: its target keeps its owner and gets nothing', async () => {
    const canary = await rootCanary('canary-planted');
    const before = await canary.snapshot();
    const out = await callersFolder('out-planted');
    const request = buildRequest(out);
    const building = runBib(request);
    await buildRunning(request.jobId);
    // bib's own --chown would follow this (bib/cmd/bootc-image-builder/util.go chownR): it never sees it.
    await symlink(canary.dir, join(out, 'image'));
    const ran = await building;
    expect(ran.exitCode).toBe(1);
    expect(ran.tail.join('\n')).toMatch(
      /image cannot be created in .*: something of that name is already there/,
    );
    expect(await canary.snapshot()).toBe(before);
    // What was handed over before the clash is taken back: only the planted link is left.
    expect(await readdir(out)).toEqual(['image']);
  });

  it('that the caller may not write, or cannot reach, is refused before bib runs, the same whether it exists', async () => {
    const notTheirs = join(work, 'root-output');
    await mkdir(notTheirs, { mode: 0o755 });
    expect(await refusal(runBib(buildRequest(notTheirs)))).toMatch(
      /cannot take the build: you may not write there/,
    );
    const closed = join(work, 'closed');
    await mkdir(closed, { mode: 0o700 });
    await mkdir(join(closed, 'there'));
    const there = await refusal(runBib(buildRequest(join(closed, 'there'))));
    const missing = await refusal(runBib(buildRequest(join(closed, 'missing'))));
    expect(there).toMatch(/cannot be opened \(EACCES\)/);
    expect(missing.replace('missing', 'there')).toBe(there);
  });
});

describe('the builder images that run privileged', () => {
  it('refuses a bib image root does not list, before podman runs it', async () => {
    const evil = 'localhost/bootstick-test/evil-bib:1';
    await run('podman', ['tag', bib, evil]);
    try {
      const out = await callersFolder('out-evil');
      const request = buildRequest(out, { bibImage: evil });
      const message = await refusal(runBib(request));
      expect(message).toContain(`${evil} is not a builder image this computer allows`);
      expect(message).toContain('/etc/bootstick/builders.conf');
      const { stdout } = await run('podman', ['ps', '--all', '--format', '{{.Names}}']);
      expect(stdout).not.toContain(request.jobId);
      expect(await refusal(helper.call({ method: 'bibHelp', params: { bibImage: evil } }))).toContain(
        'not a builder image',
      );
      // An image id names no builder at all.
      const { stdout: id } = await run('podman', ['image', 'inspect', '--format', '{{.Id}}', bib]);
      expect(await refusal(runBib(buildRequest(out, { bibImage: id.trim() })))).toContain(
        'not a builder image',
      );
    } finally {
      await run('podman', ['untag', evil, evil]).catch(() => {}); // only this name: untag without one drops every name
    }
  });

  it('refuses a container build that would put an image under a builder’s name', async () => {
    const ctx = await callersFolder('ctx-builder-name');
    await writeFile(join(ctx, 'Containerfile'), `FROM ${base}\n`);
    await chown(join(ctx, 'Containerfile'), NOBODY.uid, NOBODY.gid);
    const message = await refusal(
      helper.call({
        method: 'podmanBuild',
        params: {
          jobId: testJobId(),
          contextDir: ctx,
          containerfile: join(ctx, 'Containerfile'),
          tag: `${bib.split(':')[0]}:evil`,
        },
      }),
    );
    expect(message).toContain('is the name of a builder image');
  });

  it('runs an allowed name only as the image it was first, refusing another image tagged over it', async () => {
    const pinned = `${bib.split(':')[0]}:pin-test-${process.pid}`;
    await run('podman', ['tag', bib, pinned]);
    try {
      await helper.call({ method: 'bibHelp', params: { bibImage: pinned } });
      await run('podman', ['tag', base, pinned]);
      const message = await refusal(helper.call({ method: 'bibHelp', params: { bibImage: pinned } }));
      expect(message).toMatch(/is not the one Bootstick first used/);
      const out = await callersFolder('out-pinned');
      expect(await refusal(runBib(buildRequest(out, { bibImage: pinned })))).toMatch(
        /not the one Bootstick first used/,
      );
      expect(await readdir(out)).toEqual([]);
    } finally {
      await run('podman', ['untag', pinned, pinned]).catch(() => {});
    }
  });
});

describe('the passwords bib gets', () => {
  it('refuses a $6$ prefix that is no hash, and writes no config', async () => {
    const out = await callersFolder('out-password');
    const request = buildRequest(out, {
      mode: 'manifest',
      outputDir: undefined,
      config: { customizations: { user: [{ name: 'ada', password: '$6$hunter2' }] } },
    });
    const message = await refusal(runBib(request));
    expect(message).toBe('A user password is not a SHA-512 crypt hash; refusing to write it.');
    const configs = await readdir('/var/lib/bootstick/configs').catch(() => [] as string[]);
    expect(configs.filter((name) => name.includes(request.jobId))).toEqual([]);
  });
});

describe('Containerfile builds read only what the caller can read', () => {
  const build = (contextDir: string, containerfile = join(contextDir, 'Containerfile')) =>
    helper.call({
      method: 'podmanBuild',
      params: { jobId: testJobId(), contextDir, containerfile, tag: 'localhost/bootstick-test/attack:1' },
    });

  it('refuses a .in Containerfile (the host’s cpp would #include any file as root)', async () => {
    const ctx = await callersFolder('ctx-cpp');
    await writeFile(join(ctx, 'Containerfile.in'), `#include "/etc/shadow"\nFROM ${base}\n`);
    logLines = [];
    const message = await refusal(build(ctx, join(ctx, 'Containerfile.in')));
    expect(message).toContain('ends in .in');
    // Refused before anything ran: not one line of output, so nothing of /etc/shadow either.
    expect(logLines).toEqual([]);
  });

  it('refuses a build folder the caller cannot read, and a root-only file in one they can', async () => {
    const secret = `TOP-SECRET-${process.pid}`;
    const closed = join(work, 'ctx-closed');
    await mkdir(closed, { mode: 0o700 });
    await writeFile(join(closed, 'Containerfile'), `FROM ${base}\nCOPY . /\n`);
    expect(await refusal(build(closed))).toMatch(/cannot be read by you/);

    const ctx = await callersFolder('ctx-secret');
    await writeFile(join(ctx, 'Containerfile'), `FROM ${base}\nCOPY . /ctx/\nRUN cat /ctx/secret\n`);
    await chown(join(ctx, 'Containerfile'), NOBODY.uid, NOBODY.gid);
    await writeFile(join(ctx, 'secret'), `${secret}\n`, { mode: 0o600 });
    logLines = [];
    const result = await build(ctx);
    expect(result.ok).toBe(false);
    expect(result.tail.join('\n')).toMatch(
      /could not be copied as you: .*secret: Cannot open: Permission denied/,
    );
    expect(`${logLines.join('\n')}${result.tail.join('\n')}`).not.toContain(secret);
    const { stdout } = await run('podman', ['images', '--format', '{{.Repository}}:{{.Tag}}']);
    expect(stdout).not.toContain('localhost/bootstick-test/attack:1');
  });

  it('copies a symlink to a root file as a symlink, so COPY never reads the file', async () => {
    const secret = `LINKED-SECRET-${process.pid}`;
    const rootFile = join(work, 'root-secret');
    await writeFile(rootFile, `${secret}\n`, { mode: 0o600 });
    const ctx = await callersFolder('ctx-link');
    await writeFile(join(ctx, 'Containerfile'), `FROM ${base}\nCOPY leak /leak\nRUN cat /leak\n`);
    await chown(join(ctx, 'Containerfile'), NOBODY.uid, NOBODY.gid);
    await symlink(rootFile, join(ctx, 'leak'));
    logLines = [];
    const result = await build(ctx);
    expect(result.ok).toBe(false);
    expect(`${logLines.join('\n')}${result.tail.join('\n')}`).not.toContain(secret);
  });
});
