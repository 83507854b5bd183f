import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBootTest } from '../../src/core/bootTest/runBootTest';
import { bootTestWords } from '../../src/shared/i18n/words/bootTest';
import { type BootFixtureVariant, bootFixture } from '../support/bootFixture';
import { privateCopy, qemuProcessesNaming } from '../support/bootTestTargets';
import { BUILT, requireBuild } from '../support/builtApp';
import { wholeSha256 } from '../support/fixtureDrive';
import { runCli } from '../support/runCli';

const exec = promisify(execFile);
const BOOT_TIMEOUT_MS = 120_000;
let work: string;
const fixtures = {} as Record<BootFixtureVariant, string>;

/** A private copy of a cached fixture, so nothing a test does can reach the cache. */
const copyOf = (variant: BootFixtureVariant) => privateCopy(fixtures[variant], work);

beforeAll(async () => {
  requireBuild();
  work = await mkdtemp(join(tmpdir(), 'bootstick-boottest-'));
  for (const variant of ['login', 'panic', 'silent', 'writer'] as const)
    fixtures[variant] = await bootFixture(variant);
}, 300_000);
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('boot test of an image file (real QEMU, real OVMF, TCG)', () => {
  it(
    'bootstick boot-test reports "booted" from the login prompt, with a screendump, exit 0',
    async () => {
      const image = await copyOf('login');
      const screenshot = join(work, 'screen.ppm');
      const result = await runCli([
        'boot-test',
        image,
        '--accel',
        'tcg',
        '--timeout',
        '120',
        '--json',
        '--screenshot',
        screenshot,
      ]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const report = JSON.parse(result.stdout);
      expect(report.outcome).toBe('booted');
      expect(report.proof).toContain('bootstick-fixture login:');
      expect(report.accelerator).toBe('tcg');
      expect(report.message).toBe(bootTestWords.en.outcome.booted);
      expect((await readFile(screenshot)).subarray(0, 2).toString('latin1')).toBe('P6');
      expect(await qemuProcessesNaming(image)).toEqual([]);
    },
    BOOT_TIMEOUT_MS + 30_000,
  );

  it(
    'a guest that writes to its disk leaves the image byte for byte as it was',
    async () => {
      const image = await copyOf('writer');
      const before = await wholeSha256(image);
      let console = '';
      const result = await runBootTest({
        target: image,
        timeoutMs: BOOT_TIMEOUT_MS,
        accelerator: 'tcg',
        onConsole: (text) => {
          console += text;
        },
      });
      expect(result.outcome).toBe('booted');
      expect(console).toContain('bootstick-fixture: wrote 1 MiB to /dev/vda');
      expect(await wholeSha256(image)).toBe(before);
    },
    BOOT_TIMEOUT_MS + 30_000,
  );

  it(
    'a kernel panic fails at once with the console lines that show it, exit 1',
    async () => {
      const image = await copyOf('panic');
      const result = await runCli(['boot-test', image, '--accel', 'tcg', '--timeout', '120']);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(bootTestWords.en.outcome.kernelPanic);
      expect(result.stdout).toMatch(/Last console lines:[\s\S]*Kernel panic - not syncing/);
      expect(await qemuProcessesNaming(image)).toEqual([]);
    },
    BOOT_TIMEOUT_MS + 30_000,
  );

  it(
    'a system that never prompts times out with its last console lines',
    async () => {
      const image = await copyOf('silent');
      const timeoutMs = 60_000;
      const result = await runBootTest({ target: image, timeoutMs, accelerator: 'tcg' });
      expect(result.outcome).toBe('timedOut');
      expect(result.elapsedMs).toBeGreaterThanOrEqual(timeoutMs);
      expect(result.elapsedMs).toBeLessThan(timeoutMs + 5000);
      expect(result.lastConsoleLines.join('\n')).toContain('bootstick-fixture: never prompting');
    },
    BOOT_TIMEOUT_MS + 30_000,
  );

  it(
    'an image whose name has commas boots like any other (QEMU gets it quoted)',
    async () => {
      const image = join(work, 'my,disk,readonly=on.img');
      await copyFile(fixtures.login, image);
      const result = await runBootTest({ target: image, timeoutMs: BOOT_TIMEOUT_MS, accelerator: 'tcg' });
      expect(result.outcome, result.detail).toBe('booted');
    },
    BOOT_TIMEOUT_MS + 30_000,
  );

  it(
    'a disk with nothing bootable on it fails as "no boot device"',
    async () => {
      const image = join(work, 'blank.img');
      await exec('truncate', ['-s', '16M', image]);
      const result = await runBootTest({ target: image, timeoutMs: BOOT_TIMEOUT_MS, accelerator: 'tcg' });
      expect(result.outcome).toBe('noBootDevice');
      expect(result.lastConsoleLines.join('\n')).toContain('BdsDxe');
    },
    BOOT_TIMEOUT_MS + 30_000,
  );

  it(
    'cancel ends QEMU promptly and leaves no process',
    async () => {
      const image = await copyOf('silent');
      const controller = new AbortController();
      let cancelledAt = 0;
      const running = runBootTest({
        target: image,
        timeoutMs: BOOT_TIMEOUT_MS,
        accelerator: 'tcg',
        onConsole: () => {
          if (cancelledAt === 0) {
            cancelledAt = Date.now();
            controller.abort();
          }
        },
        signal: controller.signal,
      });
      const result = await running;
      expect(result.outcome).toBe('cancelled');
      expect(Date.now() - cancelledAt).toBeLessThan(3000);
      expect(await qemuProcessesNaming(image)).toEqual([]);
    },
    BOOT_TIMEOUT_MS,
  );
});

describe('boot test of a qcow2 image file', () => {
  it(
    'a qcow2 of the fixture boots to "booted" and is left byte for byte as it was',
    async () => {
      const image = join(work, `login-${Math.random().toString(36).slice(2)}.qcow2`);
      await exec('qemu-img', ['convert', '-f', 'raw', '-O', 'qcow2', fixtures.login, image]);
      const before = await wholeSha256(image);
      const result = await runCli(['boot-test', image, '--accel', 'tcg', '--timeout', '120', '--json']);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ outcome: 'booted' });
      expect(await wholeSha256(image)).toBe(before);
      expect(await qemuProcessesNaming(image)).toEqual([]);
    },
    BOOT_TIMEOUT_MS + 30_000,
  );

  it('a qcow2 that names a backing file is refused: exit 2, the file named, QEMU never started', async () => {
    // The backing file could be any path its author chose; here, one that stands for a secret.
    const secret = join(work, 'id_ed25519');
    await writeFile(secret, 'not for the guest');
    const image = join(work, 'backed.qcow2');
    await exec('qemu-img', ['create', '-q', '-f', 'qcow2', '-b', secret, '-F', 'raw', image, '64M']);
    const result = await runCli(['boot-test', image, '--accel', 'tcg', '--timeout', '60']);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(bootTestWords.en.outcome.otherFilesNamed);
    expect(result.stdout).toContain(`backing file ${secret}`);
    expect(result.stdout).not.toContain('QEMU said');
    let started = false;
    const direct = await runBootTest({
      target: image,
      timeoutMs: 60_000,
      accelerator: 'tcg',
      onCommand: () => {
        started = true;
      },
    });
    expect(direct).toMatchObject({ outcome: 'otherFilesNamed', detail: `backing file ${secret}` });
    expect(started).toBe(false);
  });
});

describe('boot test refusals', () => {
  it('no QEMU on the path: exit 2 and its own words, nothing started', async () => {
    const image = await copyOf('login');
    const result = await runCli(['boot-test', image], { PATH: join(work, 'empty-path') });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(bootTestWords.en.outcome.noQemu);
    expect(await wholeSha256(image)).toBe(await wholeSha256(fixtures.login));
  });

  it('KVM demanded by someone who may not open /dev/kvm: exit 2, its own words, QEMU never started', async () => {
    const image = await copyOf('login');
    // nobody (65534) has no right to /dev/kvm (root's, mode 0600 here; group kvm elsewhere).
    const result = await exec('setpriv', [
      ...['--reuid=65534', '--regid=65534', '--clear-groups'],
      ...['env', 'HOME=/tmp', process.execPath, BUILT.cli, 'boot-test', image, '--accel', 'kvm'],
    ]).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string }) => error,
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(bootTestWords.en.outcome.kvmNotPermitted);
    expect(result.stdout).toContain('/dev/kvm cannot be opened (EACCES)');
    expect(await qemuProcessesNaming(image)).toEqual([]);
  });

  it('no firmware descriptor: noFirmware', async () => {
    const image = await copyOf('login');
    const result = await runBootTest({
      target: image,
      timeoutMs: 1000,
      firmwareDirs: [join(work, 'no-firmware')],
    });
    expect(result.outcome).toBe('noFirmware');
    expect(await qemuProcessesNaming(image)).toEqual([]);
  });

  it('a bad timeout is refused (exit 2)', async () => {
    const image = await copyOf('login');
    const timeout = await runCli(['boot-test', image, '--timeout', 'soon']);
    expect(timeout.code).toBe(2);
    expect(timeout.stderr).toContain('--timeout must be a number');
  });
});
