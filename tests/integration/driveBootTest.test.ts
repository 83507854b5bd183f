import { copyFile, lstat, readdir, readFile, rename, rm, stat, symlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { QmpClient } from '../../src/core/bootTest/qmpClient';
import { HelperCallError, type HelperClient } from '../../src/core/privileged/helperClient';
import type { DriveBootTestResult } from '../../src/shared/driveBootTest';
import type { Refusal } from '../../src/shared/flash';
import { bootTestWords } from '../../src/shared/i18n/words/bootTest';
import { bootFixture, FIXTURE_SIZE } from '../support/bootFixture';
import { requireBuild } from '../support/builtApp';
import { blockReadOnly, fixtureDrive, qemuHolding, wholeSha256 } from '../support/fixtureDrive';
import { startTestHelper, testJobId } from '../support/helperSession';
import { createLoopDevices, requireRoot, run } from '../support/loopDevices';
import { processesHolding } from '../support/openHolders';
import { runCli } from '../support/runCli';
import { FIXTURE_USER, sshTestKey } from '../support/sshFixture';
import { startTestSshAgent } from '../support/testSshAgent';

const BOOT_TIMEOUT_S = 120;
/** Where the helper keeps a drive boot test's private files (ROOT_STATE_DIR/boots). */
const BOOTS_FOLDER = '/var/lib/bootstick/boots';
const loops = createLoopDevices();
let helper: Awaited<ReturnType<typeof startTestHelper>>;

/** Asks the built helper to boot-test `drive` (TCG, loop drives allowed) under `jobId`. */
function bootTestDrive(
  drive: string,
  jobId = testJobId(),
  includeVirtual = true,
  client: HelperClient = helper,
): Promise<DriveBootTestResult> {
  return client.call({
    method: 'bootTestDrive',
    params: { jobId, drive, includeVirtual, timeoutSeconds: BOOT_TIMEOUT_S, accelerator: 'tcg' },
  });
}

/** The console of one job, as the helper streamed it. */
function consoleOf(
  jobId: string,
  client: HelperClient = helper,
): { text: () => string; waitFor: (marker: string) => Promise<void> } {
  let text = '';
  const waiters: { marker: string; resolve: () => void }[] = [];
  client.onBootConsole((chunk) => {
    if (chunk.jobId !== jobId) return;
    text += chunk.text;
    for (const waiter of waiters.filter((candidate) => text.includes(candidate.marker))) waiter.resolve();
  });
  return {
    text: () => text,
    waitFor: (marker) =>
      new Promise((resolve) => {
        if (text.includes(marker)) resolve();
        else waiters.push({ marker, resolve });
      }),
  };
}

/** The helper's refusals for a boot test of `drive`; fails the test if it was not refused. */
async function refusalsFor(drive: string, includeVirtual = true): Promise<Refusal[]> {
  const error = await bootTestDrive(drive, testJobId(), includeVirtual).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error, `a boot test of ${drive} should be refused`).toBeInstanceOf(HelperCallError);
  expect((error as HelperCallError).error.code).toBe('refused');
  return (error as HelperCallError).error.refusals ?? [];
}

/** A QMP client on `socket`, retried while another client (the helper's overlay watch) has it. */
async function openWhenFree(socket: string): Promise<QmpClient> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await QmpClient.open(socket);
    } catch (error) {
      if (attempt >= 20) throw error;
      await delay(150);
    }
  }
}

/** After any boot test: no QEMU left, nothing holds the drive, its read-only flag as it was. */
async function expectLeftAsItWas(drive: string, readOnly: boolean): Promise<void> {
  expect(await qemuHolding(drive)).toEqual([]);
  expect(await processesHolding(drive)).toEqual([]);
  expect(await blockReadOnly(drive)).toBe(readOnly);
}

beforeAll(async () => {
  requireRoot();
  requireBuild();
  for (const variant of ['login', 'panic', 'writer', 'scribbler', 'filler', 'ssh'] as const) {
    await bootFixture(variant);
  }
  helper = await startTestHelper();
}, 300_000);
afterEach(() => loops.cleanup());
afterAll(async () => {
  await helper?.close();
  await loops.cleanup();
});

describe('boot test of a flashed drive, through the built helper (real loop drives, QEMU, OVMF)', () => {
  it(
    'the fixture on a loop drive boots to "booted", its console streamed live, the drive left as it was',
    async () => {
      const drive = await fixtureDrive(loops, 'login');
      const before = await wholeSha256(drive.path);
      const jobId = testJobId();
      const console = consoleOf(jobId);
      const result = await bootTestDrive(drive.path, jobId);
      expect(result.outcome).toBe('booted');
      expect(result.proof).toContain('bootstick-fixture login:');
      expect(result.accelerator).toBe('tcg');
      expect(result.drive.path).toBe(drive.path);
      expect(result).toMatchObject({ readOnlyBefore: false, readOnlyDuringRun: true });
      expect(console.text()).toContain('Bootstick test fixture');
      await expectLeftAsItWas(drive.path, false);
      expect(await wholeSha256(drive.path)).toBe(before);
    },
    (BOOT_TIMEOUT_S + 30) * 1000,
  );

  it(
    'a guest that writes to its disk leaves the drive byte for byte as it was, over its whole length',
    async () => {
      const drive = await fixtureDrive(loops, 'writer');
      const before = await wholeSha256(drive.path);
      const jobId = testJobId();
      const console = consoleOf(jobId);
      const result = await bootTestDrive(drive.path, jobId);
      expect(result.outcome).toBe('booted');
      expect(console.text()).toContain('bootstick-fixture: wrote 1 MiB to /dev/vda');
      expect(await wholeSha256(drive.path)).toBe(before);
      await expectLeftAsItWas(drive.path, false);
    },
    (BOOT_TIMEOUT_S + 30) * 1000,
  );

  it(
    "while the guest runs, nothing can write the drive: root is refused by the kernel, no monitor exists, QMP is root's alone and its commit fails; cancel then ends QEMU at once",
    async () => {
      const drive = await fixtureDrive(loops, 'scribbler');
      const before = await wholeSha256(drive.path);
      const jobId = testJobId();
      const console = consoleOf(jobId);
      const running = bootTestDrive(drive.path, jobId);
      await console.waitFor('bootstick-fixture: wrote 1 MiB to /dev/vda');

      // A second job on the same drive meanwhile: refused, the first holds it exclusively.
      const [busy] = await refusalsFor(drive.path);
      expect(busy?.code).toBe('driveInUse');
      expect(busy?.message).toContain('is in use (mounted, or held by another program)');

      // The block layer refuses writes to the device, even root's own, even with O_DIRECT.
      expect(await blockReadOnly(drive.path)).toBe(true);
      const write = await run('dd', [
        'if=/dev/zero',
        `of=${drive.path}`,
        'bs=4096',
        'count=1',
        'oflag=direct',
        'conv=notrunc',
      ]).then(
        () => 'written',
        (error: { stderr: string }) => error.stderr,
      );
      expect(write).toMatch(/Operation not permitted|Read-only file system|Permission denied/);

      // QEMU holds the drive only through the helper's descriptor, with no monitor at all.
      const [qemu, ...others] = await qemuHolding(drive.path);
      expect(others).toEqual([]);
      const args = qemu?.args ?? [];
      const argsAfter = (flag: string) => args.filter((_, index) => args[index - 1] === flag);
      expect(argsAfter('-monitor')).toEqual(['none']);
      expect(args.join(' ')).not.toContain(drive.path);
      expect(argsAfter('-drive').join(' ')).toContain('file.filename=/dev/fdset/1,format=raw,snapshot=on');
      // The guest runs whatever the stick holds: QEMU is nobody while it does, not root (real,
      // effective, saved and filesystem ids, no capabilities), so a guest that breaks out into
      // QEMU cannot touch root's files or other drives.
      const status = await readFile(`/proc/${qemu?.pid}/status`, 'utf8');
      expect(status).toMatch(/^Uid:\t65534\t65534\t65534\t65534$/m);
      expect(status).toMatch(/^Gid:\t65534\t65534\t65534\t65534$/m);
      expect(status).toMatch(/^CapEff:\t0+$/m);

      // The QMP socket lives in a folder only root can enter: main (any other user) cannot reach it.
      const socket = /^unix:([^,]+),/.exec(argsAfter('-qmp')[0] ?? '')?.[1] ?? '';
      const folder = await stat(dirname(socket));
      expect(folder.uid).toBe(0);
      expect(folder.mode & 0o077).toBe(0);
      const asNobody = await run('setpriv', [
        ...['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '-e'],
        `require('node:net').connect(process.argv[1]).on('connect',()=>{console.log('connected');process.exit(0)}).on('error',(e)=>{console.log(e.code);process.exit(0)})`,
        socket,
      ]);
      expect(asNobody.stdout.trim()).toBe('EACCES');

      // Even root, on that socket, cannot commit the guest's writes back into the drive.
      // QEMU serves one QMP client at a time and the helper looks at the overlay's size every
      // second: try until the socket is free.
      const qmp = await openWhenFree(socket);
      try {
        const hmp = await qmp.execute('human-monitor-command', { 'command-line': 'commit disk0' });
        expect(String(hmp)).toMatch(/Permission denied|not permitted/);
        await expect(qmp.execute('block-commit', { device: 'disk0', 'job-id': 'attack' })).rejects.toThrow(
          /Permission denied/,
        );
      } finally {
        qmp.close();
      }

      const cancelledAt = Date.now();
      expect((await helper.call({ method: 'cancel', params: { jobId } })).cancelled).toEqual([drive.path]);
      const result = await running;
      expect(result.outcome).toBe('cancelled');
      expect(Date.now() - cancelledAt).toBeLessThan(3000);
      await expectLeftAsItWas(drive.path, false);
      expect(await wholeSha256(drive.path)).toBe(before);
    },
    (BOOT_TIMEOUT_S + 30) * 1000,
  );

  it(
    "when the helper's parent goes away mid-boot, QEMU is stopped and the flag put back",
    async () => {
      const drive = await fixtureDrive(loops, 'scribbler');
      const own = await startTestHelper();
      const jobId = testJobId();
      const console = consoleOf(jobId, own);
      const running = bootTestDrive(drive.path, jobId, true, own).catch((error: unknown) => error);
      await console.waitFor('bootstick-fixture: wrote 1 MiB');
      await own.close();
      await running;
      await expectLeftAsItWas(drive.path, false);
    },
    (BOOT_TIMEOUT_S + 30) * 1000,
  );

  /** Boots `drive` on a helper of its own and kills that helper outright mid-boot (SIGKILL). */
  async function killHelperMidBoot(drive: string): Promise<number> {
    const own = await startTestHelper();
    const jobId = testJobId();
    const console = consoleOf(jobId, own);
    const running = bootTestDrive(drive, jobId, true, own).catch((error: unknown) => error);
    await console.waitFor('bootstick-fixture: wrote 1 MiB');
    process.kill(own.pid as number, 'SIGKILL');
    await running;
    const deadline = Date.now() + 3000;
    while ((await qemuHolding(drive)).length > 0 && Date.now() < deadline) await delay(100);
    return own.pid as number;
  }

  /** What the helper `pid` left in root's private boot folder. */
  const leftBy = async (pid: number) =>
    (await readdir(BOOTS_FOLDER).catch(() => [] as string[])).filter((name) => name.startsWith(`${pid}-`));

  it(
    'when the helper is killed outright, QEMU dies with it, the drive stays read-only, and the next helper makes it writable again',
    async () => {
      const drive = await fixtureDrive(loops, 'scribbler');
      const before = await wholeSha256(drive.path);
      try {
        const dead = await killHelperMidBoot(drive.path);
        expect(await qemuHolding(drive.path)).toEqual([]);
        // Nobody was left to put the flag back: the drive stays read-only (the safe side).
        expect(await blockReadOnly(drive.path)).toBe(true);
        expect(await wholeSha256(drive.path)).toBe(before);
        expect(await leftBy(dead)).toHaveLength(1);
        // The next helper removes what the dead one left and gives the drive back as it was.
        const next = await startTestHelper();
        try {
          await expect.poll(() => leftBy(dead), { timeout: 5000 }).toEqual([]);
          expect(await blockReadOnly(drive.path)).toBe(false);
        } finally {
          await next.close();
        }
        expect(await wholeSha256(drive.path)).toBe(before);
      } finally {
        await run('blockdev', ['--setrw', drive.path]);
      }
    },
    (BOOT_TIMEOUT_S + 30) * 1000,
  );

  it(
    'a read-only flag left by a killed helper is not cleared on another medium that took the drive’s /dev name',
    async () => {
      const drive = await fixtureDrive(loops, 'scribbler');
      try {
        const dead = await killHelperMidBoot(drive.path);
        expect(await blockReadOnly(drive.path)).toBe(true);
        // Another medium in the same place: the loop device detached and attached again (a new
        // disk sequence number, as a different stick in the same port gets). The flag stays with
        // the device node; whoever has it now decides about it, not a note about another medium.
        const seqBefore = await readFile(`/sys/block/${basename(drive.path)}/diskseq`, 'utf8');
        await run('losetup', ['-d', drive.path]);
        await run('losetup', [drive.path, drive.backingFile]);
        expect(await readFile(`/sys/block/${basename(drive.path)}/diskseq`, 'utf8')).not.toBe(seqBefore);
        expect(await blockReadOnly(drive.path)).toBe(true);
        const next = await startTestHelper();
        try {
          await expect.poll(() => leftBy(dead), { timeout: 5000 }).toEqual([]);
          expect(await blockReadOnly(drive.path)).toBe(true);
        } finally {
          await next.close();
        }
      } finally {
        await run('blockdev', ['--setrw', drive.path]).catch(() => {});
      }
    },
    (BOOT_TIMEOUT_S + 30) * 1000,
  );

  it(
    'a guest that writes more than its overlay may hold is stopped, the drive untouched',
    async () => {
      const drive = await fixtureDrive(loops, 'filler');
      const before = await wholeSha256(drive.path);
      const result = await helper.call({
        method: 'bootTestDrive',
        params: {
          jobId: testJobId(),
          drive: drive.path,
          includeVirtual: true,
          timeoutSeconds: BOOT_TIMEOUT_S,
          accelerator: 'tcg',
          overlayLimitMiB: 4,
        },
      });
      expect(result.outcome).toBe('overlayFull');
      expect(result.elapsedMs).toBeLessThan(BOOT_TIMEOUT_S * 1000);
      await expectLeftAsItWas(drive.path, false);
      expect(await wholeSha256(drive.path)).toBe(before);
    },
    (BOOT_TIMEOUT_S + 30) * 1000,
  );

  it(
    'a kernel that panics fails with the console lines that show it, and the flag is put back',
    async () => {
      const drive = await fixtureDrive(loops, 'panic');
      const result = await bootTestDrive(drive.path);
      expect(result.outcome).toBe('kernelPanic');
      expect(result.lastConsoleLines.join('\n')).toContain('Kernel panic - not syncing');
      await expectLeftAsItWas(drive.path, false);
    },
    (BOOT_TIMEOUT_S + 30) * 1000,
  );

  it(
    'a drive that was read-only before stays read-only after',
    async () => {
      const drive = await fixtureDrive(loops, 'login');
      await run('blockdev', ['--setro', drive.path]);
      try {
        const result = await bootTestDrive(drive.path);
        expect(result).toMatchObject({ outcome: 'booted', readOnlyBefore: true, readOnlyDuringRun: true });
        await expectLeftAsItWas(drive.path, true);
      } finally {
        // The flag outlives the loop device: the next user of this loop number must not inherit it.
        await run('blockdev', ['--setrw', drive.path]);
      }
    },
    (BOOT_TIMEOUT_S + 30) * 1000,
  );

  it(
    'bootstick boot-test /dev/loopN --virtual goes through the helper: exit 0 booted, console on stderr, screenshot saved',
    async () => {
      const drive = await fixtureDrive(loops, 'login');
      const dataDir = await loops.tempDir();
      const screenshot = join(await loops.tempDir(), 'screen.ppm');
      const result = await runCli(
        [
          ...['boot-test', drive.path, '--virtual', '--accel', 'tcg', '--timeout', String(BOOT_TIMEOUT_S)],
          ...['--screenshot', screenshot],
        ],
        { BOOTSTICK_DATA_DIR: dataDir },
      );
      expect(result.code).toBe(0);
      // The helper took the picture; the CLI saved it.
      expect((await readFile(screenshot)).subarray(0, 2).toString('latin1')).toBe('P6');
      expect(result.stdout).toContain(bootTestWords.en.outcome.booted);
      expect(result.stderr).toContain('bootstick-fixture login:');
      // Bootstick never flashed this stick: no report of its vouches for it, and none is made up.
      expect(result.stdout).toContain('Not recorded: no audit report of Bootstick vouches for this drive');
      await expectLeftAsItWas(drive.path, false);
      const refused = await runCli(['boot-test', drive.path, '--accel', 'tcg'], {
        BOOTSTICK_DATA_DIR: dataDir,
      });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('virtual drives need --virtual');
    },
    (BOOT_TIMEOUT_S + 30) * 1000,
  );

  it(
    "flash, then boot-test the stick: the boot test goes into that flash's audit report for the drive",
    async () => {
      const drive = await loops.attach(FIXTURE_SIZE);
      const image = join(await loops.tempDir(), 'fixture.img');
      await copyFile(await bootFixture('login'), image);
      const env = { BOOTSTICK_DATA_DIR: await loops.tempDir() };
      const flashed = await runCli(['flash', image, drive.path, '--virtual', '--yes', '--json'], env);
      expect(flashed.code).toBe(0);
      const { id } = JSON.parse(flashed.stdout) as { id: string };
      const booted = await runCli(
        ['boot-test', drive.path, '--virtual', '--accel', 'tcg', '--timeout', String(BOOT_TIMEOUT_S)],
        env,
      );
      expect(booted.code).toBe(0);
      expect(booted.stdout).toContain(`Recorded in audit report ${id}`);
      const report = JSON.parse(
        await readFile(join(env.BOOTSTICK_DATA_DIR, 'reports', `${id}.json`), 'utf8'),
      );
      expect(report.drives[0].drive.path).toBe(drive.path);
      expect(report.drives[0].bootTest).toMatchObject({ outcome: 'booted', accelerator: 'tcg' });
      expect(report.drives[0].bootTest.proof).toContain('bootstick-fixture login:');
      await expectLeftAsItWas(drive.path, false);
    },
    (BOOT_TIMEOUT_S + 60) * 1000,
  );
});

describe("SSH login into a booted drive, run by the helper with the caller's rights", () => {
  const NOBODY = { uid: 65534, gid: 65534 };

  it(
    'bootstick boot-test /dev/loopN --virtual --ssh: logs in with the key in the agent and runs the check',
    async () => {
      const drive = await fixtureDrive(loops, 'ssh');
      const agent = await startTestSshAgent([(await sshTestKey()).privateKey]);
      try {
        const result = await runCli(
          [
            ...['boot-test', drive.path, '--virtual', '--accel', 'tcg', '--timeout', String(BOOT_TIMEOUT_S)],
            ...['--ssh', FIXTURE_USER, '--check', 'systemctl status tailscaled', '--json'],
          ],
          { SSH_AUTH_SOCK: agent.socket, BOOTSTICK_DATA_DIR: await loops.tempDir() },
        );
        expect(result.code).toBe(0);
        const report = JSON.parse(result.stdout);
        expect(report.outcome).toBe('booted');
        expect(report.login).toMatchObject({ user: FIXTURE_USER, loggedIn: true });
        expect(report.login.checks[0]).toMatchObject({
          command: 'systemctl status tailscaled',
          passed: true,
        });
      } finally {
        await agent.stop();
      }
      await expectLeftAsItWas(drive.path, false);
    },
    (BOOT_TIMEOUT_S + 30) * 1000,
  );

  it(
    'for a person, ssh reaches their own agent, never one only root could reach',
    async () => {
      const drive = await fixtureDrive(loops, 'ssh', NOBODY);
      const key = (await sshTestKey()).privateKey;
      const theirs = await startTestSshAgent([key], NOBODY);
      const roots = await startTestSshAgent([key]);
      const asNobody = await startTestHelper({ caller: NOBODY.uid });
      const login = (agentSocket: string) =>
        asNobody.call({
          method: 'bootTestDrive',
          params: {
            jobId: testJobId(),
            drive: drive.path,
            includeVirtual: true,
            timeoutSeconds: BOOT_TIMEOUT_S,
            accelerator: 'tcg',
            login: { user: FIXTURE_USER, checks: [], agentSocket },
          },
        });
      try {
        const own = await login(theirs.socket);
        expect(own.outcome).toBe('booted');
        expect(own.login?.bootcStatus?.output).toContain('Booted image');
        // root's agent (in root's 0700 folder) holds the same key, but nobody cannot reach it.
        const borrowed = await login(roots.socket);
        expect(borrowed.outcome).toBe('loginFailed');
        expect(borrowed.login?.error).toMatch(/Permission denied/);
      } finally {
        await asNobody.close();
        await theirs.stop();
        await roots.stop();
      }
      await expectLeftAsItWas(drive.path, false);
    },
    (2 * BOOT_TIMEOUT_S + 30) * 1000,
  );
});

describe('the helper refuses to boot-test unsafe targets, each in its own words, touching nothing', () => {
  it("refuses the host's system disk", async () => {
    const { stdout } = await run('findmnt', ['-n', '-o', 'SOURCE', '/']);
    const system = stdout.trim();
    const [refusal] = await refusalsFor(system);
    expect(refusal).toMatchObject({ code: 'unsafeDrive', drive: system });
    expect(refusal?.message).toContain(`${system} cannot be boot-tested: System drive`);
  });

  it('refuses a mounted drive, and leaves it mounted and writable', async () => {
    const drive = await loops.attach(64 * 1024 * 1024);
    const mountpoint = await loops.mountExt4(drive.path);
    const [refusal] = await refusalsFor(drive.path);
    expect(refusal?.code).toBe('driveInUse');
    expect(refusal?.message).toContain(`${drive.path} is mounted (${mountpoint}): unmount it first.`);
    expect(await blockReadOnly(drive.path)).toBe(false);
    expect((await lstat(mountpoint)).isDirectory()).toBe(true);
  });

  it('refuses a loop drive unless virtual drives were asked for (no removable, non-virtual drive exists here)', async () => {
    const drive = await fixtureDrive(loops, 'login');
    const [refusal] = await refusalsFor(drive.path, false);
    expect(refusal?.code).toBe('notEnumerated');
    expect(refusal?.message).toContain('virtual drives need --virtual');
    await expectLeftAsItWas(drive.path, false);
  });

  it('refuses a loop drive whose file the person asking could not read themselves', async () => {
    const drive = await fixtureDrive(loops, 'login');
    // nobody (65534) may not enter the 0700 folder of root's backing file.
    const asNobody = await startTestHelper({ caller: 65534 });
    try {
      const error = await bootTestDrive(drive.path, testJobId(), true, asNobody).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(HelperCallError);
      const [refusal] = (error as HelperCallError).error.refusals ?? [];
      expect(refusal?.code).toBe('backingFileDenied');
      expect(refusal?.message).toContain('may not read the file behind');
    } finally {
      await asNobody.close();
    }
    await expectLeftAsItWas(drive.path, false);
  });

  it('refuses a path that is not a block device', async () => {
    expect(await refusalsFor('/etc/passwd')).toEqual([
      { code: 'notABlockDevice', drive: '/etc/passwd', message: '/etc/passwd is not a drive.' },
    ]);
  });

  it('refuses a symbolic link to a drive', async () => {
    const drive = await fixtureDrive(loops, 'login');
    const link = join(await loops.tempDir(), 'stick');
    await symlink(drive.path, link);
    const [refusal] = await refusalsFor(link);
    expect(refusal?.code).toBe('notABlockDevice');
    expect(refusal?.message).toContain('symbolic link');
    await expectLeftAsItWas(drive.path, false);
  });

  /**
   * The checks go by the drive's kernel name; a /dev entry swapped for another device's node (or a
   * link to one) after the drive was enumerated must not lend that other device. Both drives are
   * this test's own loop devices, of one size, so only the device number tells them apart.
   */
  it('refuses a drive whose /dev entry was swapped for another device, and touches neither', async () => {
    const checked = await fixtureDrive(loops, 'login');
    const other = await fixtureDrive(loops, 'writer');
    const otherBefore = await wholeSha256(other.path);
    const original = `${checked.path}.bootstick-test-original`;
    await rename(checked.path, original);
    try {
      const { stdout } = await run('cat', [`/sys/class/block/${other.path.replace('/dev/', '')}/dev`]);
      await run('mknod', [checked.path, 'b', ...stdout.trim().split(':')]);
      const [swapped] = await refusalsFor(checked.path);
      expect(swapped?.code).toBe('driveChanged');
      expect(swapped?.message).toContain(`${checked.path} is not the device that was checked`);
      await rm(checked.path);
      await symlink(other.path, checked.path);
      const [linked] = await refusalsFor(checked.path);
      expect(linked?.code).toBe('notABlockDevice');
      expect(linked?.message).toContain('symbolic link');
    } finally {
      await rm(checked.path, { force: true });
      await rename(original, checked.path);
    }
    await expectLeftAsItWas(other.path, false);
    await expectLeftAsItWas(checked.path, false);
    expect(await wholeSha256(other.path)).toBe(otherBefore);
  });
});
