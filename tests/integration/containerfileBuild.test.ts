import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContainerImageService } from '../../src/core/containerImages/containerImageService';
import { HelperCallError } from '../../src/core/privileged/helperClient';
import { createSharedHelper } from '../../src/core/privileged/sharedHelper';
import type { ImageBuildFinished } from '../../src/shared/containerImages/containerfileBuild';
import { startTestHelper, testJobId } from '../support/helperSession';
import { imageExists, imageLabel, podman } from '../support/podman';
import { ensureBusyboxBase, requirePodman } from '../support/podmanFixtures';

/**
 * Building a bootc image from a Containerfile as the app does: main's service, the real (built)
 * privileged helper, real rootful podman. No registry is reachable, so every build starts FROM the
 * local busybox base image; a per-run tag of it tells this file's build containers apart.
 */

const token = randomBytes(4).toString('hex');
const tagOf = (name: string) => `localhost/bootstick-test/cfbuild-${name}-${token}:1`;
let base: string;
let scratch: string;
const helper = createSharedHelper(startTestHelper);
const logs = new Map<string, { at: number; line: string }[]>();
const finished: (ImageBuildFinished & { at: number })[] = [];
const service = createContainerImageService({
  helper: helper.get,
  events: {
    log: (buildId, lines) =>
      logs.set(buildId, [
        ...(logs.get(buildId) ?? []),
        ...lines.map(({ line }) => ({ at: Date.now(), line })),
      ]),
    finished: (result) => finished.push({ ...result, at: Date.now() }),
  },
});
const logOf = (buildId: string) => (logs.get(buildId) ?? []).map((entry) => entry.line);
/** Image ids podman printed (`--> 1a2b3c…`): this file's intermediate layers, removed at the end. */
const layerIds = new Set<string>();

async function context(name: string, containerfile: string): Promise<string> {
  const dir = join(scratch, name);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'Containerfile'), containerfile);
  return dir;
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Waited ${timeoutMs} ms in vain.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface Listed {
  Id: string;
  Image: string;
  ImageID: string;
  Names: string[];
}
const externalContainers = async (): Promise<Listed[]> =>
  JSON.parse((await podman(['ps', '--all', '--external', '--format', 'json'])).stdout || '[]');

/** Processes whose command line carries this run's token: a build step still running. */
async function processesWith(marker: string): Promise<number[]> {
  const found: number[] = [];
  for (const name of (await readdir('/proc')).filter((entry) => /^\d+$/.test(entry))) {
    const cmdline = await readFile(`/proc/${name}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(marker)) found.push(Number(name));
  }
  return found;
}

const leftoverIidDirs = async () =>
  (await readdir(tmpdir())).filter((name) => name.startsWith('bootstick-podman-build-'));

beforeAll(async () => {
  await requirePodman();
  base = tagOf('base');
  await podman(['tag', await ensureBusyboxBase(), base]);
  scratch = await mkdtemp(join(tmpdir(), 'bootstick-cfbuild-'));
}, 300_000);

afterAll(async () => {
  await helper.dispose();
  for (const name of ['ok', 'fail', 'cancel', 'copying', 'refused', 'symlink']) {
    await podman(['rmi', '--ignore', tagOf(name)]).catch(() => {});
  }
  for (const id of [...layerIds].reverse()) await podman(['rmi', '--ignore', id]).catch(() => {});
  await podman(['untag', base, base]).catch(() => {});
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

function rememberLayers(buildId: string): void {
  for (const line of logOf(buildId)) {
    const id = /^--> (?:Using cache )?([a-f0-9]{11,64})$/.exec(line)?.[1];
    if (id) layerIds.add(id);
  }
}

describe('a Containerfile build', () => {
  it('builds a labelled bootc image under its localhost tag, its log streaming while it runs', async () => {
    const dir = await context(
      'ok',
      [
        `FROM ${base}`,
        'ARG GREETING',
        'RUN echo "greeting: $GREETING" && echo "$GREETING" > /etc/greeting',
        // The log must arrive before the end, not with it: a second passes between them.
        'RUN sleep 1',
        'LABEL containers.bootc=1',
        '',
      ].join('\n'),
    );
    const startedAt = Date.now();
    const result = await service.run({
      contextDir: dir,
      tag: tagOf('ok'),
      buildArgs: { GREETING: 'hello from bootstick' },
    });
    rememberLayers(result.buildId);
    expect(result.error).toBeNull();
    expect(result.ok).toBe(true);
    expect(result.cancelled).toBe(false);
    expect(result.imageId).toMatch(/^[a-f0-9]{64}$/);

    const inspected = JSON.parse((await podman(['image', 'inspect', tagOf('ok')])).stdout)[0];
    expect(inspected.Id).toBe(result.imageId);
    expect(await imageLabel(tagOf('ok'), 'containers.bootc')).toBe('1');
    const run = await podman(['run', '--rm', tagOf('ok'), 'cat', '/etc/greeting']);
    expect(run.stdout).toBe('hello from bootstick\n');

    const log = logs.get(result.buildId) ?? [];
    expect(log.map((entry) => entry.line)).toContain('greeting: hello from bootstick');
    expect(log.map((entry) => entry.line).some((line) => /^STEP 1\/5: FROM /.test(line))).toBe(true);
    const greeted = log.find((entry) => entry.line === 'greeting: hello from bootstick');
    const end = finished.find((event) => event.buildId === result.buildId);
    expect(end?.ok).toBe(true);
    expect((end?.at ?? 0) - (greeted?.at ?? Number.POSITIVE_INFINITY)).toBeGreaterThan(500);
    expect((greeted?.at ?? 0) - startedAt).toBeGreaterThanOrEqual(0);
    expect(await leftoverIidDirs()).toEqual([]);
  });

  it('fails with the failing step in the tail when a RUN fails, and tags nothing', async () => {
    const dir = await context(
      'fail',
      `FROM ${base}\nRUN echo about to fail && exit 3\nLABEL containers.bootc=1\n`,
    );
    const result = await service.run({ contextDir: dir, tag: tagOf('fail') });
    rememberLayers(result.buildId);
    expect(result).toMatchObject({ ok: false, cancelled: false, imageId: null, error: null });
    expect(result.tail).toContain('about to fail');
    expect(result.tail.some((line) => line.includes('RUN echo about to fail && exit 3'))).toBe(true);
    expect(result.tail.at(-1)).toMatch(/exit status 3/);
    expect(await imageExists(tagOf('fail'))).toBe(false);
  });
});

describe('a build the helper refuses', () => {
  const containerfile = () => `FROM ${base}\nRUN touch /should-not-exist\n`;

  async function refusedByHelper(params: Record<string, unknown>) {
    const client = await helper.get();
    const jobId = testJobId();
    const error = await client
      .call({ method: 'podmanBuild', params: { jobId, tag: tagOf('refused'), ...params } as never })
      .then(
        () => null,
        (thrown: unknown) => thrown,
      );
    expect(error).toBeInstanceOf(HelperCallError);
    // Nothing ran: podman printed nothing for this job, and no image and no id file exist.
    expect(logOf(jobId)).toEqual([]);
    expect(await imageExists(tagOf('refused'))).toBe(false);
    expect(await leftoverIidDirs()).toEqual([]);
    return (error as HelperCallError).error;
  }

  it('refuses a build folder that is a symbolic link', async () => {
    const real = await context('real', containerfile());
    await symlink(real, join(scratch, 'link'));
    const error = await refusedByHelper({
      contextDir: join(scratch, 'link'),
      containerfile: join(scratch, 'link/Containerfile'),
    });
    expect(error).toMatchObject({ code: 'refused', message: expect.stringMatching(/symbolic link/) });
    expect(await readdir(real)).toEqual(['Containerfile']);
  });

  it('refuses a Containerfile outside the build folder', async () => {
    const dir = await context('outside', 'unused\n');
    await writeFile(join(scratch, 'Containerfile.outside'), containerfile());
    const error = await refusedByHelper({
      contextDir: dir,
      containerfile: join(scratch, 'Containerfile.outside'),
    });
    expect(error).toMatchObject({ code: 'refused', message: expect.stringMatching(/not inside/) });
  });

  it('refuses a tag outside localhost/ and a build argument with a line break, before looking', async () => {
    const dir = await context('badinput', containerfile());
    const file = join(dir, 'Containerfile');
    const tag = await refusedByHelper({
      contextDir: dir,
      containerfile: file,
      tag: 'quay.io/fedora/fedora-bootc:42',
    });
    expect(tag).toMatchObject({ code: 'badRequest', message: expect.stringMatching(/localhost\//) });
    const arg = await refusedByHelper({ contextDir: dir, containerfile: file, buildArgs: { A: 'one\ntwo' } });
    expect(arg).toMatchObject({ code: 'badRequest', message: expect.stringMatching(/one line/) });
  });

  it('reaches the app as a plain refusal: a wrong tag at the call, a symlinked folder as the end event', async () => {
    const real = await context('real2', containerfile());
    await expect(service.start({ contextDir: real, tag: 'fedora-bootc:42' })).rejects.toThrow(/localhost\//);
    await symlink(real, join(scratch, 'link2'));
    const result = await service.run({ contextDir: join(scratch, 'link2'), tag: tagOf('symlink') });
    expect(result).toMatchObject({ ok: false, cancelled: false, imageId: null });
    expect(result.error).toMatchObject({ code: 'refused', message: expect.stringMatching(/symbolic link/) });
    expect(logOf(result.buildId)).toEqual([]);
  });
});

describe('cancelling a build', () => {
  it('ends promptly mid-step, leaving no container, no running step and no image', async () => {
    const marker = `cancel-${token}-sleeping`;
    const dir = await context(
      'cancel',
      // The shell stays (a command follows the sleep), so its command line shows the step runs.
      `FROM ${base}\nRUN echo cancel-${token}-first\nRUN echo ${marker} && sleep 30 && echo ${marker}-done\nLABEL containers.bootc=1\n`,
    );
    let buildId = '';
    const done = service.run({ contextDir: dir, tag: tagOf('cancel') }, (id) => {
      buildId = id;
    });
    await until(() => logOf(buildId).includes(marker), 60_000);
    rememberLayers(buildId);
    // The build's own working containers: made from this run's base tag or from a layer it printed.
    const ours = (await externalContainers()).filter(
      (container) =>
        container.Image.includes(`cfbuild-base-${token}`) ||
        [...layerIds].some((id) => container.ImageID.startsWith(id)),
    );
    expect(ours.length).toBeGreaterThan(0);
    expect((await processesWith(marker)).length).toBeGreaterThan(0);

    const cancelledAt = Date.now();
    expect(await service.cancel(buildId)).toBe(true);
    const result = await done;
    const took = Date.now() - cancelledAt;
    console.log(`cancel took ${took} ms`);
    expect(took).toBeLessThan(10_000);
    expect(result).toMatchObject({ ok: false, cancelled: true, imageId: null, error: null });

    const left = new Set((await externalContainers()).map((container) => container.Id));
    expect(ours.filter((container) => left.has(container.Id))).toEqual([]);
    expect(await processesWith(marker)).toEqual([]);
    expect(await imageExists(tagOf('cancel'))).toBe(false);
    expect(await leftoverIidDirs()).toEqual([]);
  });

  it('between steps (copying a big file, nothing to stop) ends within seconds, leaving no container', async () => {
    const dir = await context('copying', `FROM ${base}\nCOPY big /big\nRUN echo never\n`);
    // 4 GiB of holes: podman copies them as data, a minute's work, while the file costs no space.
    await writeFile(join(dir, 'big'), '');
    await truncate(join(dir, 'big'), 4 * 1024 ** 3);
    let buildId = '';
    const done = service.run({ contextDir: dir, tag: tagOf('copying') }, (id) => {
      buildId = id;
    });
    let ours: Listed[] = [];
    await until(async () => {
      ours = (await externalContainers()).filter((c) => c.Image.includes(`cfbuild-base-${token}`));
      return logOf(buildId).includes('STEP 2/3: COPY big /big') && ours.length > 0;
    }, 60_000);

    const cancelledAt = Date.now();
    expect(await service.cancel(buildId)).toBe(true);
    const result = await done;
    const took = Date.now() - cancelledAt;
    console.log(`cancel while copying took ${took} ms`);
    expect(took).toBeLessThan(10_000);
    expect(result).toMatchObject({ ok: false, cancelled: true, imageId: null, error: null });
    const left = new Set((await externalContainers()).map((container) => container.Id));
    expect(ours.filter((container) => left.has(container.Id))).toEqual([]);
    expect(await imageExists(tagOf('copying'))).toBe(false);
    expect(await leftoverIidDirs()).toEqual([]);
  });
});
