import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { copyFile, mkdtemp, open, rm } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import {
  BOOT_TEST_CPUS,
  BOOT_TEST_MEMORY_MIB,
  type BootTestOutcome,
  type BootTestResult,
  type GuestLogin,
} from '../../shared/bootTest';
import { lentVmSize } from '../../shared/bootTestVmSize';
import { blankDisk, noRoomForBlankDisk } from './blankDisk';
import { planBootTest } from './bootPlan';
import type { BootTestOptions } from './bootTestOptions';
import { ConsoleWatch } from './consoleWatch';
import { largeTempDir } from './largeTempDir';
import { loginAndCheck } from './loginAndCheck';
import { watchOverlay } from './overlayWatch';
import { qemuCommand } from './qemuCommand';
import { freeLoopbackPort, QEMU_KILL_AFTER_S, screendump, stopQemu } from './qemuProcess';

export type { BootTestOptions } from './bootTestOptions';

/**
 * Boots `target` in QEMU with UEFI firmware and watches the serial console until a login prompt,
 * a kernel panic, "no boot device", QEMU's end, the timeout or cancellation, whichever is first;
 * then takes a screendump and ends QEMU, leaving no process and no temporary file behind.
 */
export async function runBootTest(options: BootTestOptions): Promise<BootTestResult> {
  const started = Date.now();
  const refuse = (outcome: BootTestOutcome, detail?: string): BootTestResult => ({
    outcome,
    elapsedMs: Date.now() - started,
    lastConsoleLines: [],
    detail,
  });
  const planned = await planBootTest(options);
  if ('refused' in planned) return refuse(planned.refused, planned.detail);
  const { architecture, qemu, firmware, accel, userSwitch, installer, goal } = planned;
  const workParent = options.workParent ?? largeTempDir();
  if (goal === 'installed') {
    const noRoom = await noRoomForBlankDisk(workParent, options.overlayLimitBytes);
    if (noRoom) return refuse('noRoomToInstall', noRoom);
  }

  const work = await mkdtemp(join(workParent, 'bootstick-boot-'));
  try {
    const varsCopy = join(work, 'vars.fd');
    await copyFile(firmware.varsTemplate, varsCopy);
    const qmpSocket = join(work, 'qmp.sock');
    const sshPort = await freeLoopbackPort();
    // The screendump's file is opened here, by whoever runs the test, and QEMU only gets its
    // descriptor: QEMU (an unprivileged user, for the helper) needs no way into this folder.
    const shot = options.screenshotPath ? await open(options.screenshotPath, 'w', 0o600) : undefined;
    // QEMU as its unprivileged user may write that one file (it cannot reach it by any path).
    if (shot && userSwitch) await shot.chown(userSwitch.uid, userSwitch.gid);
    const installTarget =
      goal === 'installed' ? await blankDisk(join(work, 'install-target.raw')) : undefined;
    const args = qemuCommand({
      architecture,
      firmwareCode: firmware.code,
      varsCopy,
      accelerator: accel.accelerator,
      disk: planned.disk,
      ...lentVmSize(
        {
          memoryMiB: options.memoryMiB ?? BOOT_TEST_MEMORY_MIB.default,
          cpus: options.cpus ?? BOOT_TEST_CPUS.default,
        },
        { memoryMiB: Math.floor(totalmem() / (1024 * 1024)), cpus: cpus().length },
      ),
      qmpSocket,
      sshPort,
      switchUser: userSwitch && { how: userSwitch.how, user: userSwitch.user },
      installTarget,
    });
    options.onCommand?.(qemu, args);
    // snapshot=on puts its overlay in TMPDIR: this run's own folder, removed with it (QEMU unlinks
    // it at once anyway), never a shared folder the guest's writes could fill unseen.
    // If whoever runs the test is killed outright (no cancel, no cleanup), QEMU must go with it
    // instead of running on, holding the drive. The kernel's parent-death signal does that, but it
    // is cleared when QEMU becomes its unprivileged user; so it is set (setpriv) on a watcher whose
    // ids never change: timeout(1), with no time limit, passes the TERM on to QEMU and KILLs it a
    // second later. stop() below ends QEMU through the same watcher.
    const watcher = ['--pdeathsig', 'TERM', '--', 'timeout', `--kill-after=${QEMU_KILL_AFTER_S}`, '0'];
    const child = spawn('setpriv', [...watcher, qemu, ...args], {
      stdio: ['pipe', 'pipe', 'pipe', options.driveFd ?? 'ignore', shot?.fd ?? 'ignore'],
      env: { ...process.env, TMPDIR: work },
    }) as ChildProcessWithoutNullStreams;
    const watch = new ConsoleWatch(40, goal);
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => {
      child.once('exit', (code) => resolve(code));
      child.once('error', () => resolve(null));
    });

    // QEMU is gone once it exited and its console was read to the end: a guest that prints
    // "Install finished" and powers off at once must not lose that line to the exit coming first.
    const consoleEnded = new Promise((ended) => child.stdout.once('close', ended));
    const gone = Promise.all([exited, consoleEnded]);

    // Cancel, or an overlay grown past its limit: either ends whatever runs (the wait, the login).
    const ending = new AbortController();
    options.signal?.addEventListener('abort', () => ending.abort('cancelled'), { once: true });
    if (options.signal?.aborted) ending.abort('cancelled');
    const overlay =
      options.overlayLimitBytes === undefined
        ? undefined
        : watchOverlay(child.pid, work, options.overlayLimitBytes, () => ending.abort('overlayFull'));
    const endedBy = (): BootTestOutcome =>
      ending.signal.reason === 'overlayFull'
        ? 'overlayFull'
        : ending.signal.reason === 'qemuExited'
          ? 'qemuFailed'
          : 'cancelled';

    const decided = new Promise<{ outcome: BootTestOutcome; proof?: string }>((resolve) => {
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (text: string) => {
        options.onConsole?.(text);
        const sign = watch.feed(text);
        if (sign?.kind === 'kernelPanic' || sign?.kind === 'noBootDevice') resolve({ outcome: sign.kind });
        else if (sign) resolve({ outcome: 'booted', proof: `console: "${sign.line}"` });
      });
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (text: string) => {
        stderr = (stderr + text).slice(-4000);
      });
      gone.then(() => resolve({ outcome: 'qemuFailed' }));
      const timer = setTimeout(() => resolve({ outcome: 'timedOut' }), options.timeoutMs);
      exited.then(() => clearTimeout(timer));
      if (ending.signal.aborted) resolve({ outcome: endedBy() });
      ending.signal.addEventListener('abort', () => resolve({ outcome: endedBy() }), { once: true });
    });
    // QEMU ending (the guest powered off or rebooted under -no-reboot) ends a login that waits too.
    gone.then(() => ending.abort('qemuExited'));
    // Whatever throws from here on, QEMU is stopped and the overlay watch ends: a root QEMU must
    // never outlive its job (its limits and timeout would be gone with the job).
    try {
      const booted = await decided;
      // A login, when asked for, runs on the system that booted, within the same time limit.
      const login =
        // An installer has no blueprint user to log in as: its pass is the installer's own line.
        booted.outcome === 'booted' && options.login && !installer
          ? await loginAndCheck(sshPort, options.login, started + options.timeoutMs, ending.signal)
          : undefined;
      overlay?.stop();
      const verdict =
        login && ending.signal.aborted
          ? { outcome: endedBy() }
          : login
            ? { ...booted, outcome: loginVerdict(login) }
            : booted;
      const elapsedMs = Date.now() - started;

      let screenshotPath: string | undefined;
      if (options.screenshotPath && child.exitCode === null && !ending.signal.aborted) {
        screenshotPath = await screendump(qmpSocket, options.screenshotPath).catch(() => undefined);
      }
      await stopQemu(child, exited);
      await shot?.close();
      // No picture (QEMU gone, the dump refused): no empty file left claiming to be one.
      if (options.screenshotPath && !screenshotPath) await rm(options.screenshotPath, { force: true });
      return {
        outcome: verdict.outcome,
        proof: verdict.proof,
        stage: watch.stage(),
        installer,
        accelerator: accel.accelerator,
        acceleratorReason: accel.reason,
        architecture,
        qemu,
        elapsedMs,
        lastConsoleLines: watch.lastLines(),
        screenshotPath,
        detail: stderr.trim() || undefined,
        login,
      };
    } finally {
      overlay?.stop();
      await stopQemu(child, exited);
      await shot?.close().catch(() => {});
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** What a login makes of a boot: booted only if the user got in and every check (bootc status too) passed. */
function loginVerdict(login: GuestLogin): BootTestOutcome {
  if (!login.loggedIn) return 'loginFailed';
  const checks = [login.bootcStatus, ...login.checks];
  return checks.every((check) => check?.passed) ? 'booted' : 'checkFailed';
}
