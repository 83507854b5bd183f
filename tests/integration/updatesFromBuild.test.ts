import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBuild } from '../support/builtApp';
import { type LocalRegistry, requireRegistry, startRegistry } from '../support/localRegistry';
import { CONTAINERS_CONF, imageExists, podman } from '../support/podman';
import { ensureBibStandin, ensureSourceImage, requirePodman } from '../support/podmanFixtures';
import { runCli } from '../support/runCli';

/**
 * bib gives the installed system the source image's name as its update source and has no option
 * to change it: `--updates-from` tags the image in root's storage first, so the name the
 * stand-in bib receives as its positional (and writes as the install's target-imgref) is the
 * registry reference hosts can update from.
 */

let scratch: string;
let bib: string;
let bootc: string;
let registry: LocalRegistry;
let tracked: string;

const bootstick = (...args: string[]) =>
  runCli(args, { BOOTSTICK_DATA_DIR: join(scratch, 'data'), CONTAINERS_CONF });

/** What the stand-in bib received as its image, as bib records it for the install. */
async function targetImageRef(output: string): Promise<string | undefined> {
  const manifest = JSON.parse(await readFile(join(output, 'manifest-raw.json'), 'utf8'));
  const stages = (
    manifest.pipelines as Array<{ stages: Array<{ type: string; options?: Record<string, string> }> }>
  ).flatMap((pipeline) => pipeline.stages);
  return stages.find((stage) => stage.type === 'org.osbuild.bootc.install-to-filesystem')?.options?.[
    'target-imgref'
  ];
}

beforeAll(async () => {
  requireBuild();
  await requirePodman();
  await requireRegistry();
  [bib, bootc] = await Promise.all([ensureBibStandin('bib'), ensureSourceImage('bootc', { pace: 1 })]);
  registry = await startRegistry();
  tracked = `${registry.host}/org/stick-os:stable`;
  scratch = await mkdtemp(join(tmpdir(), 'bootstick-updates-from-'));
}, 300_000);
afterAll(async () => {
  await podman(['rmi', '--ignore', tracked]).catch(() => {});
  await registry?.stop();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('bootstick build --updates-from', () => {
  it('tags the image before bib runs, so bib receives the registry name as its image', async () => {
    const output = join(scratch, 'tracked');
    const { code, stderr } = await bootstick(
      'build',
      bootc,
      '--output',
      output,
      '--bib-image',
      bib,
      '--updates-from',
      tracked,
    );
    expect(code, stderr).toBe(0);
    expect(stderr).toContain(`Tagged ${bootc} as ${tracked}`);
    expect(stderr).not.toContain('no host can update from');
    expect(await targetImageRef(output)).toBe(tracked);
    expect(await imageExists(tracked)).toBe(true);
  });

  it('warns before a build from localhost/… whose installed system could never update', async () => {
    const output = join(scratch, 'local');
    const { code, stderr } = await bootstick('build', bootc, '--output', output, '--bib-image', bib, '--yes');
    expect(code, stderr).toBe(0);
    expect(stderr).toContain(
      `warning: The installed system will track ${bootc}, which no host can update from`,
    );
    expect(await targetImageRef(output)).toBe(bootc);
  });

  it.each([
    ['a localhost name', 'localhost/org/os:stable'],
    ['a name without a tag', '127.0.0.1:5000/org/os'],
    ['a digest', `quay.io/org/os@sha256:${'a'.repeat(64)}`],
    ['no registry', 'org/os:stable'],
  ])('refuses %s as “updates from”, exit 2, building and tagging nothing', async (_, ref) => {
    const output = join(scratch, `refused-${ref.length}`);
    const { code, stderr } = await bootstick(
      'build',
      bootc,
      '--output',
      output,
      '--bib-image',
      bib,
      '--updates-from',
      ref,
    );
    expect(code).toBe(2);
    expect(stderr).toContain(`“${ref}” is not a registry reference hosts could update from`);
    expect(await readdir(output).catch(() => [])).toEqual([]);
  });
});
