import { execFile } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBootTest } from '../../src/core/bootTest/runBootTest';
import { bootTestWords } from '../../src/shared/i18n/words/bootTest';
import { privateCopy, qemuProcessesNaming } from '../support/bootTestTargets';
import { requireBuild } from '../support/builtApp';
import { wholeSha256 } from '../support/fixtureDrive';
import { ANACONDA_LINE, INSTALLED_LINE, type IsoFixtureVariant, isoFixture } from '../support/isoFixture';
import { run } from '../support/loopDevices';
import { runCli } from '../support/runCli';

const _exec = promisify(execFile);
const BOOT_TIMEOUT_MS = 120_000;
const words = bootTestWords.en;
let work: string;
const fixtures = {} as Record<IsoFixtureVariant, string>;

/** A private copy of a cached fixture, so nothing a test does can reach the cache. */
const copyOf = (variant: IsoFixtureVariant) => privateCopy(fixtures[variant], work);

beforeAll(async () => {
  requireBuild();
  work = await mkdtemp(join(tmpdir(), 'bootstick-isoboot-'));
  for (const variant of ['installer', 'unattended', 'unattendedStuck', 'installerSilent'] as const)
    fixtures[variant] = await isoFixture(variant);
}, 300_000);
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('boot test of an installer ISO (real QEMU, real OVMF, TCG)', () => {
  it(
    'bootstick boot-test fixture.iso --json: the installer is reached, proven by anaconda’s line, exit 0',
    async () => {
      const iso = await copyOf('installer');
      const before = await wholeSha256(iso);
      const result = await runCli(['boot-test', iso, '--accel', 'tcg', '--json']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const report = JSON.parse(result.stdout);
      expect(report.outcome).toBe('booted');
      expect(report.stage).toBe('installer');
      expect(report.installer).toEqual({ unattended: false });
      expect(report.proof).toBe(`console: "${ANACONDA_LINE}"`);
      expect(report.message).toBe(words.installer.booted);
      expect(await wholeSha256(iso)).toBe(before);
      expect(await qemuProcessesNaming(iso)).toEqual([]);
    },
    BOOT_TIMEOUT_MS + 30_000,
  );

  it(
    'an unattended ISO passes on "Install finished", written onto a blank disk that is gone afterwards',
    async () => {
      const iso = await copyOf('unattended');
      const before = await wholeSha256(iso);
      const workParent = join(work, 'runs');
      await mkdir(workParent);
      let console = '';
      let blankDiskBytes: number | undefined;
      const result = await runBootTest({
        target: iso,
        timeoutMs: BOOT_TIMEOUT_MS,
        accelerator: 'tcg',
        workParent,
        onConsole: (text) => {
          console += text;
          // While the VM runs: what the guest wrote is on this computer's disk, in the run's folder.
          if (blankDiskBytes === undefined && console.includes(INSTALLED_LINE)) {
            const [run] = readdirSync(workParent);
            blankDiskBytes = statSync(join(workParent, run ?? '', 'install-target.raw')).blocks * 512;
          }
        },
      });
      expect(result.outcome).toBe('booted');
      expect(result.stage).toBe('installed');
      expect(result.installer).toEqual({ unattended: true, kickstart: '/osbuild.ks' });
      expect(result.proof).toBe('console: "Install finished"');
      expect(console).toMatch(/installed onto the blank disk \(\/dev\/vda\)/);
      expect(blankDiskBytes).toBeGreaterThanOrEqual(1024 * 1024);
      expect(await wholeSha256(iso)).toBe(before);
      expect(await readdir(workParent)).toEqual([]);
      expect(await qemuProcessesNaming(iso)).toEqual([]);
    },
    BOOT_TIMEOUT_MS + 30_000,
  );

  it(
    'an unattended install that never finishes times out, though anaconda started',
    async () => {
      const iso = await copyOf('unattendedStuck');
      const result = await runCli(['boot-test', iso, '--accel', 'tcg', '--timeout', '45']);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(words.installer.timedOutInstall);
      expect(result.stdout).toContain(words.installer.kickstart.replace('{{kickstart}}', '/osbuild.ks'));
      expect(result.stdout).toMatch(/Last console lines:[\s\S]*the install never finishes/);
      expect(result.stdout).not.toContain('Proof:');
      expect(await qemuProcessesNaming(iso)).toEqual([]);
    },
    BOOT_TIMEOUT_MS,
  );

  it(
    'an ISO that never reaches its installer times out with its last console lines',
    async () => {
      const iso = await copyOf('installerSilent');
      const result = await runBootTest({ target: iso, timeoutMs: 45_000, accelerator: 'tcg' });
      expect(result.outcome).toBe('timedOut');
      expect(result.stage).toBeUndefined();
      expect(result.installer).toEqual({ unattended: false });
      expect(result.lastConsoleLines.join('\n')).toContain('bootstick-fixture: never reaching the installer');
    },
    BOOT_TIMEOUT_MS,
  );
});

describe('an unattended install with too little room for its blank disk', () => {
  it('is refused before anything starts, in words, with nothing made (file and CLI)', async () => {
    const iso = await copyOf('unattended');
    const small = join(work, 'small');
    await mkdir(small);
    await run('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', small]);
    try {
      let started = false;
      const result = await runBootTest({
        target: iso,
        timeoutMs: 60_000,
        accelerator: 'tcg',
        workParent: small,
        onCommand: () => {
          started = true;
        },
      });
      expect(result.outcome).toBe('noRoomToInstall');
      expect(result.detail).toBe(
        `An unattended install needs 20.0 GiB free for its blank disk in ${small}; there are 0.1 GiB.`,
      );
      expect(started).toBe(false);
      // The CLI puts its run in $TMPDIR (else /var/tmp, never a RAM-backed /tmp by default).
      const cli = await runCli(['boot-test', iso, '--accel', 'tcg'], { TMPDIR: small });
      expect(cli.code).toBe(2);
      expect(cli.stdout).toContain(words.outcome.noRoomToInstall);
      expect(cli.stdout).toContain(`for its blank disk in ${small}`);
      expect(await readdir(small)).toEqual([]);
    } finally {
      await run('umount', [small]);
    }
  });
});

describe('a damaged ISO is refused with words, QEMU never started', () => {
  it('a truncated ISO file: exit 1 and why', async () => {
    const iso = await copyOf('unattended');
    await truncate(iso, 256 * 1024);
    const result = await runCli(['boot-test', iso, '--accel', 'tcg', '--timeout', '60']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(words.outcome.unreadableIso);
    expect(result.stdout).toMatch(/\nThe ISO is truncated: it is \d+ bytes long, the file only 262144/);
    expect(await qemuProcessesNaming(iso)).toEqual([]);
  });

  it('a file with the CD001 mark and nothing readable behind it: --json says so', async () => {
    const iso = join(work, 'garbage.iso');
    const bytes = Buffer.alloc(1024 * 1024, 0xa5);
    bytes.write('CD001', 32769, 'latin1');
    await writeFile(iso, bytes);
    const result = await runCli(['boot-test', iso, '--accel', 'tcg', '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.outcome).toBe('unreadableIso');
    expect(report.message).toBe(words.outcome.unreadableIso);
    expect(report.detail).toContain('Volume descriptor 1 of the ISO is damaged');
  });
});
