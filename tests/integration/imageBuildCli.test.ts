import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImageBuildFinishedSchema } from '../../src/shared/containerImages/containerfileBuild';
import { CONTAINERS_CONF, imageLabel, podman } from '../support/podman';
import { ensureBusyboxBase, requirePodman } from '../support/podmanFixtures';
import { runCli } from '../support/runCli';

/** `npx bootstick image build` as a script runs it: the built CLI, the real helper, real podman. */

const tag = `localhost/bootstick-test/cfbuild-cli-${randomBytes(4).toString('hex')}:1`;
let scratch: string;
let base: string;

function bootstick(...args: string[]) {
  return runCli(args, { BOOTSTICK_DATA_DIR: join(scratch, 'data'), CONTAINERS_CONF });
}

beforeAll(async () => {
  await requirePodman();
  base = await ensureBusyboxBase();
  scratch = await mkdtemp(join(tmpdir(), 'bootstick-image-cli-'));
}, 300_000);
afterAll(async () => {
  await podman(['rmi', '--ignore', tag]).catch(() => {});
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('npx bootstick image build', () => {
  it('builds the named Containerfile with build arguments, streams podman to stderr, and exits 0', async () => {
    const dir = join(scratch, 'ctx');
    await mkdir(dir);
    await writeFile(
      join(dir, 'Bootcfile'),
      `FROM ${base}\nARG FLAVOUR\nRUN echo "flavour=$FLAVOUR"\nLABEL containers.bootc=1\n`,
    );
    const { code, stdout, stderr } = await bootstick(
      'image',
      'build',
      dir,
      '--file',
      join(dir, 'Bootcfile'),
      '--tag',
      tag,
      '--build-arg',
      'FLAVOUR=a=b c',
      '--json',
    );
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('flavour=a=b c');
    const result = ImageBuildFinishedSchema.parse(JSON.parse(stdout));
    expect(result).toMatchObject({ ok: true, tag, error: null });
    expect(await imageLabel(tag, 'containers.bootc')).toBe('1');
  });

  it('refuses a registry name with exit 2 and says to use localhost/', async () => {
    const dir = join(scratch, 'ctx2');
    await mkdir(dir);
    await writeFile(join(dir, 'Containerfile'), `FROM ${base}\n`);
    const { code, stderr } = await bootstick('image', 'build', dir, '--tag', 'quay.io/someone/thing:1');
    expect(code).toBe(2);
    expect(stderr).toMatch(/localhost\/<name>:<tag>/);
  });

  it('refuses a missing Containerfile with exit 2 and builds nothing', async () => {
    const dir = join(scratch, 'empty');
    await mkdir(dir);
    const { code, stderr } = await bootstick('image', 'build', dir, '--tag', `${tag}-missing`);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Containerfile .* does not exist/);
  });
});
