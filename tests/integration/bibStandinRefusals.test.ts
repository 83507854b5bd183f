import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_RECORD, fatalRecords, scratch, tree } from '../support/bibOutput';
import { ensureBibStandin, ensureSourceImage, requirePodman } from '../support/podmanFixtures';
import { runBib } from '../support/runBib';

/**
 * The bootc-image-builder stand-in refuses what bib refuses, in bib's order and words (contract.md
 * §4, configs/rejected.md), each as ONE timestamped `error:` record and exit status 1; it tells the
 * BIB and NEWBIB implementations apart the way an app detects them; and its failure markers fail a
 * build the way bib/osbuild do (logs/fail-*).
 */

const scratchDirs = scratch();
let bib: string;
let newbib: string;
let bootc: string;

beforeAll(async () => {
  await requirePodman();
  [bib, newbib] = await Promise.all([ensureBibStandin('bib'), ensureBibStandin('newbib')]);
  bootc = await ensureSourceImage('bootc');
}, 300_000);

afterAll(() => scratchDirs.cleanup());

describe('refusals, in the order and words of bib', () => {
  it('refuses a container that is not --privileged, before touching /output', async () => {
    const output = await scratchDirs.dir();
    const result = await runBib(bib, ['--type', 'raw', bootc], { output, privileged: false });
    expect(result.code).toBe(1);
    expect(fatalRecords(result.stderr)).toEqual([
      'cannot validate the setup: this command requires a privileged container',
    ]);
    expect(await tree(output)).toEqual([]);
  });

  it('refuses to run without the host container storage mounted', async () => {
    const result = await runBib(bib, ['--type', 'raw', bootc], { mountStorage: false });
    expect(result.code).toBe(1);
    expect(fatalRecords(result.stderr)).toEqual([
      'cannot build manifest: could not access container storage, did you forget -v /var/lib/containers/storage:' +
        '/var/lib/containers/storage? (cannot find "/var/lib/containers/storage/overlay" (missing -v ' +
        '/var/lib/containers/storage:/var/lib/containers/storage mount?))',
    ]);
  });

  it('refuses an image that is not a bootc image, and one that was never pulled', async () => {
    const notBootc = await ensureSourceImage('not-bootc');
    const refused = await runBib(bib, ['--type', 'raw', notBootc]);
    expect(refused.code).toBe(1);
    expect(fatalRecords(refused.stderr)).toEqual([
      `cannot build manifest: image ${notBootc} is not a bootc image`,
    ]);

    const missing = await runBib(bib, ['--type', 'raw', 'localhost/bootstick-test/never-built:1']);
    expect(missing.code).toBe(1);
    expect(fatalRecords(missing.stderr)).toEqual([
      'cannot build manifest: failed to inspect the image: exit status 125, stderr:\n' +
        'Error: localhost/bootstick-test/never-built:1: image not known\n\n' +
        'bootc-image-builder no longer pulls images, make sure to pull it before running bootc-image-builder:\n' +
        '    sudo podman pull localhost/bootstick-test/never-built:1',
    ]);
  });

  it('refuses unknown TOML keys and JSON fields, and accepts the legacy JSON wrapper', async () => {
    const toml = await scratchDirs.file(
      'config.toml',
      '[[customizations.user]]\nname = "alice"\nssh_key = "ssh-ed25519 A"\n',
    );
    const badToml = await runBib(bib, ['manifest', bootc], { config: toml });
    expect(badToml.code).toBe(1);
    expect(fatalRecords(badToml.stderr)).toEqual([
      'cannot generate manifest: cannot read config: cannot decode "/config.toml": unknown keys found: [customizations.user.ssh_key]',
    ]);

    const json = await scratchDirs.file(
      'config.json',
      '{"customizations": {"user": [{"name": "a", "sshkey": "x"}]}}',
    );
    const badJson = await runBib(bib, ['manifest', bootc], { config: json });
    expect(fatalRecords(badJson.stderr)).toEqual([
      'cannot generate manifest: cannot read config: cannot decode "/config.json": json: unknown field "sshkey"',
    ]);

    const legacy = await scratchDirs.file(
      'config.json',
      '{"blueprint": {"customizations": {"user": [{"name": "a", "key": "k"}]}}}',
    );
    const accepted = await runBib(bib, ['manifest', bootc], { config: legacy });
    expect(accepted.code).toBe(0);
    expect(JSON.parse(accepted.stdout).version).toBe('2');
  });

  it('refuses kickstart contents next to users for an installer ISO, during manifest generation', async () => {
    const config = await scratchDirs.file(
      'config.toml',
      '[[customizations.user]]\nname = "alice"\n\n[customizations.installer.kickstart]\ncontents = "autopart"\n',
    );
    const result = await runBib(bib, ['--type', 'anaconda-iso', bootc], { config });
    expect(result.stderr).toMatch(/^Manifest generation step$/m);
    expect(fatalRecords(result.stderr)).toEqual([
      'cannot build manifest: cannot get manifest: kickstart users and/or groups are not compatible with user-supplied kickstart content',
    ]);
  });

  it('refuses an unknown flag and a bool flag given its value without "="', async () => {
    const unknown = await runBib(bib, ['--type', 'raw', '--bogus', bootc]);
    expect(unknown.code).toBe(1);
    expect(fatalRecords(unknown.stderr)).toEqual(['unknown flag: --bogus']);
    expect(unknown.stdout).toBe('');

    const spaced = await runBib(bib, [bootc, '--use-librepo', 'false']);
    expect(fatalRecords(spaced.stderr)).toEqual(['accepts 1 arg(s), received 2']);
  });
});

describe('the two implementation profiles', () => {
  it('differ in `build --help` the way an app feature-detects them', async () => {
    const bare = { privileged: false, mountStorage: false };
    const classic = await runBib(bib, ['build', '--help'], bare);
    const successor = await runBib(newbib, ['build', '--help'], bare);
    expect([classic.code, successor.code]).toEqual([0, 0]);
    expect(classic.stdout).toMatch(/^ {6}--in-vm {2,}/m);
    expect(classic.stdout).toMatch(/^ {6}--no-default-kernel-args {2,}/m);
    expect(classic.stdout).not.toContain('--seed');
    expect(successor.stdout).toMatch(/^ {6}--seed int {2,}/m);
    expect(successor.stdout).not.toContain('--in-vm');

    const refused = await runBib(newbib, ['--type', 'raw', '--in-vm', bootc]);
    expect(fatalRecords(refused.stderr)).toEqual(['unknown flag: --in-vm']);
  });
});

describe('failure markers', () => {
  it.each([
    ['fail-no-space', 'No space left on device', 'stderr'],
    ['fail-selinux', 'setfiles: Could not set context for /run/osbuild/tree/', 'stdout'],
    ['fail-osbuild', 'error: Installing to filesystem:', 'stdout'],
  ] as const)('%s fails the build the way bib does, keeping the manifest', async (kind, evidence, stream) => {
    const output = await scratchDirs.dir();
    const source = await ensureSourceImage(kind, { pace: 0.5 });
    const result = await runBib(bib, ['--type', 'raw', '--progress', 'verbose', source], { output });
    expect(result.code).toBe(1);
    expect(result[stream]).toContain(evidence);
    expect(fatalRecords(result.stderr)).toEqual(['cannot run osbuild: error running osbuild: exit status 1']);
    expect(result.stderr).not.toContain('Build complete!');
    expect(await tree(output)).toContain('manifest-raw.json');
  });

  it('fail-oom ends the container the way the OOM killer does: status 137, no bib error', async () => {
    const source = await ensureSourceImage('fail-oom', { pace: 0.5 });
    const result = await runBib(bib, ['--type', 'raw', source]);
    expect(result.code).toBe(137);
    expect(result.stderr).not.toMatch(ERROR_RECORD);
  });
});
