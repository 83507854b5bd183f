import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { verify } from 'unixcrypt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/runCli';

const FIXTURES = 'tests/fixtures/blueprints';
let scratch: string;

/** Runs the built CLI (`node bin/bootstick.js …`) from the repo root, as a script would. */
function bootstick(...args: string[]) {
  return runCli(args, { BOOTSTICK_DATA_DIR: scratch });
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'bootstick-blueprint-cli-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('npx bootstick blueprint check', () => {
  it('prints each problem as <file>:<line>: and exits 1 on an error', async () => {
    const file = `${FIXTURES}/broken-lines.toml`;
    const { code, stdout } = await bootstick('blueprint', 'check', file);
    expect(code).toBe(1);
    expect(stdout.trimEnd().split('\n')).toEqual([
      `${file}:9: error: "customizations.user[1].uid" must be a whole number.`,
      `${file}:14: error: Unknown key "appendix" in customizations.kernel: bib refuses keys it does not know.`,
    ]);
  });

  it('reads JSON (by extension) and reports the same problems on the JSON lines', async () => {
    const { code, stdout } = await bootstick('blueprint', 'check', `${FIXTURES}/broken-lines.json`);
    expect(code).toBe(1);
    expect(stdout).toContain('broken-lines.json:10: error: Unknown key "ssh_key"');
  });

  it('detects the format from the content when the name says nothing', async () => {
    const file = join(scratch, 'config');
    await writeFile(
      file,
      '{\n  "customizations": {\n    "group": [{"name": "lab"}, {"name": "lab"}]\n  }\n}\n',
    );
    const { code, stdout } = await bootstick('blueprint', 'check', file);
    expect(code).toBe(1);
    expect(stdout).toContain(`${file}:3: error: There are two groups named "lab"`);
  });

  it('exits 0 for a clean config, and still prints warnings', async () => {
    const clean = await bootstick('blueprint', 'check', `${FIXTURES}/workstation.toml`, '--type', 'raw');
    expect(clean).toMatchObject({ code: 0, stdout: '' });
    expect(clean.stderr).toContain('ready for bootc-image-builder');
    const warned = await bootstick('blueprint', 'check', `${FIXTURES}/with-warnings.toml`);
    expect(warned.code).toBe(0);
    expect(warned.stdout.trimEnd().split('\n')).toEqual([
      `${FIXTURES}/with-warnings.toml:2: warning: "packages" is ignored: a bootc image gets its software from the container image (bib warns "not supported").`,
      expect.stringMatching(/with-warnings\.toml:6: warning: The kernel name is ignored/),
    ]);
  });

  it('applies the rules of the chosen image type', async () => {
    const file = `${FIXTURES}/kickstart-with-users.toml`;
    const iso = await bootstick('blueprint', 'check', file, '--type', 'anaconda-iso');
    expect(iso.code).toBe(1);
    expect(iso.stdout).toContain(
      `${file}:6: error: A kickstart of your own cannot be combined with users or groups`,
    );
    const disk = await bootstick('blueprint', 'check', file, '--type', 'qcow2');
    expect(disk.code).toBe(0);
    expect(disk.stdout).toContain('warning: customizations.installer is not used for qcow2 images');
  });

  it('--json prints the problems with their lines', async () => {
    const { code, stdout } = await bootstick(
      'blueprint',
      'check',
      `${FIXTURES}/legacy-wrapper.json`,
      '--json',
    );
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({
      format: 'json',
      ok: false,
      problems: [
        { line: 2, severity: 'warning' },
        { line: 5, severity: 'error', path: ['customizations', 'user', 0, 'uid'] },
      ],
    });
  });

  it('never echoes a password from a file with a syntax error', async () => {
    const { code, stdout, stderr } = await bootstick('blueprint', 'check', `${FIXTURES}/syntax-error.toml`);
    expect(code).toBe(1);
    expect(stdout).toMatch(/syntax-error\.toml:3: error: This is not valid TOML/);
    expect(stdout + stderr).not.toContain('secret');
  });

  it('exits 2 for misuse: a missing file, no file, an unknown type', async () => {
    const missing = await bootstick('blueprint', 'check', '/nonexistent/config.toml');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('The file /nonexistent/config.toml does not exist or cannot be read.');
    expect((await bootstick('blueprint', 'check')).code).toBe(2);
    const type = await bootstick('blueprint', 'check', `${FIXTURES}/workstation.toml`, '--type', 'floppy');
    expect(type.code).toBe(2);
    expect(type.stderr).toContain('Unknown image type "floppy"');
  });
});

describe('npx bootstick blueprint export', () => {
  it('prints bib-ready TOML with the password hashed, nothing on stderr', async () => {
    const { code, stdout, stderr } = await bootstick('blueprint', 'export', `${FIXTURES}/workstation.toml`);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).not.toContain('correct horse');
    const config = parseToml(stdout) as { customizations: { user: Array<{ password: string }> } };
    expect(verify('correct horse battery staple', config.customizations.user[0]?.password ?? '')).toBe(true);
  });

  it('--format json prints 2-space JSON', async () => {
    const { code, stdout } = await bootstick(
      'blueprint',
      'export',
      `${FIXTURES}/installer.json`,
      '--format',
      'json',
      '--type',
      'anaconda-iso',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^{\n {2}"customizations": {\n {4}"user": \[/);
    expect(JSON.parse(stdout).customizations.iso.volume_id).toBe('BOOTSTICK-1');
  });

  it('refuses what check refuses, with exit 1 and nothing on stdout', async () => {
    const { code, stdout, stderr } = await bootstick(
      'blueprint',
      'export',
      `${FIXTURES}/kickstart-with-users.toml`,
      '--type',
      'iso',
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('kickstart-with-users.toml:6: error:');
    expect(stderr).toContain('not exported');
    expect(stderr).not.toContain('"bob"');
  });

  it('exits 2 for an unknown format', async () => {
    const { code, stderr } = await bootstick(
      'blueprint',
      'export',
      `${FIXTURES}/workstation.toml`,
      '--format',
      'yaml',
    );
    expect(code).toBe(2);
    expect(stderr).toContain('Unknown format "yaml"; use toml or json.');
  });
});
