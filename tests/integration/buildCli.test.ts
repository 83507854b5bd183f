import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BuildRecordSchema } from '../../src/shared/diskImages/buildRecord';
import { CONTAINERS_CONF } from '../support/podman';
import { ensureBibStandin, ensureSourceImage, requirePodman } from '../support/podmanFixtures';
import { runCli } from '../support/runCli';

/** `npx bootstick build` as a script runs it: the built CLI, the real helper, real podman. */

let scratch: string;
let bib: string;
let bootc: string;

function bootstick(...args: string[]) {
  return runCli(args, { BOOTSTICK_DATA_DIR: join(scratch, 'data'), CONTAINERS_CONF });
}

beforeAll(async () => {
  await requirePodman();
  [bib, bootc] = await Promise.all([ensureBibStandin('bib'), ensureSourceImage('bootc', { pace: 1 })]);
  scratch = await mkdtemp(join(tmpdir(), 'bootstick-build-cli-'));
}, 300_000);
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('npx bootstick build', () => {
  it('builds into the named folder, shows stage progress, and exits 0', async () => {
    const config = join(scratch, 'config.toml');
    await writeFile(
      config,
      '[[customizations.user]]\nname = "ada"\npassword = "s3cret pass"\ngroups = ["wheel"]\n',
    );
    const output = join(scratch, 'out');
    const { code, stdout, stderr } = await bootstick(
      'build',
      bootc,
      '--type',
      'raw',
      '--config',
      config,
      '--output',
      output,
      '--bib-image',
      bib,
      '--json',
    );
    expect(code, stderr).toBe(0);
    const record = BuildRecordSchema.parse(JSON.parse(stdout));
    expect(record.outcome).toBe('succeeded');
    expect(record.artifact).toBe(join(output, 'image/disk.raw'));
    expect((await readdir(output)).sort()).toEqual(['image', 'manifest-raw.json']);
    expect(stdout + stderr).not.toContain('s3cret pass');

    const plain = await bootstick(
      'build',
      bootc,
      '--config',
      config,
      '--output',
      join(scratch, 'again'),
      '--bib-image',
      bib,
    );
    expect(plain.code).toBe(0);
    expect(plain.stderr).toContain(`Reused an identical earlier build: ${join(output, 'image/disk.raw')}`);
  });

  it('exits 2 with each problem on its line when the config is refused, building nothing', async () => {
    const config = join(scratch, 'bad.toml');
    await writeFile(
      config,
      '[[customizations.user]]\nname = "ada lovelace"\n\n[[customizations.filesystem]]\nmountpoint = "/var/home"\nminsize = "1 GiB"\n',
    );
    const output = join(scratch, 'never');
    const { code, stderr } = await bootstick(
      'build',
      bootc,
      '--config',
      config,
      '--output',
      output,
      '--bib-image',
      bib,
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(new RegExp(`${config}:2: error: .*ada lovelace`));
    expect(stderr).toMatch(new RegExp(`${config}:5: error: .*/var/home`));
    await expect(readdir(output)).rejects.toThrow(/ENOENT/);
  });

  it('exits 1 with bib’s reason when the build fails', async () => {
    const failing = await ensureSourceImage('fail-no-space', { pace: 1 });
    const output = join(scratch, 'failed');
    const { code, stderr } = await bootstick('build', failing, '--output', output, '--bib-image', bib);
    expect(code).toBe(1);
    expect(stderr).toMatch(/Build failed: .*space/i);
    expect(stderr).toContain('No space left on device');
    expect(await readdir(output)).toEqual([]);
  });

  it('exits 2 on misuse: an unknown type, a missing config file', async () => {
    expect((await bootstick('build', bootc, '--type', 'exe', '--output', join(scratch, 'x'))).code).toBe(2);
    const missing = await bootstick(
      'build',
      bootc,
      '--config',
      join(scratch, 'nope.toml'),
      '--output',
      join(scratch, 'y'),
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('does not exist');
  });
});
