import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { copyFile, mkdtemp, open, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BOOT_TEST_CPUS,
  BOOT_TEST_MEMORY_MIB,
  type BootStage,
  type BootTestOutcome,
  type BootTestResult,
  type GuestLogin,
} from '../../shared/bootTest';
import type { AcceleratorWish } from './chooseAccelerator';
import { ConsoleWatch } from './consoleWatch';
import { diskFormat } from './diskFormat';
import { bootArchitecture } from './efiArchitecture';
import { findQemu } from './findQemu';
import { guestAccelerator } from './guestAccelerator';
import { installerPlanOf } from './installerPlan';
import { type LoginRequest, loginAndCheck } from './loginAndCheck';
import { watchOverlay } from './overlayWatch';
import { qemuCommand } from './qemuCommand';
import { qemuUserSwitch, userIds } from './qemuUserSwitch';
import { QmpClient } from './qmpClient';
import { readTarget } from './readTarget';
import { FIRMWARE_DESCRIPTOR_DIRS, findUefiFirmware } from './uefiFirmware';

export interface BootTestOptions {
  /** An image file, opened by QEMU with snapshot=on and never written; with `driveFd`, only a name. */
  target: string;
  /**
   * A block device already opened read-only by the caller (the helper, which checked it): QEMU
   * gets this descriptor and nothing else of the drive, no path it could reopen for writing.
   */
  driveFd?: number;
  timeoutMs: number;
  accelerator?: AcceleratorWish;
  memoryMiB?: number;
  cpus?: number;
  signal?: AbortSignal;
  /** Every piece of the serial console as it arrives. */
  onConsole?: (text: string) => void;
  /**
   * Where this run's own folder (firmware variables, QMP socket, overlay) is made: the system's
   * temporary folder unless the caller keeps a private one it also cleans after a crash.
   */
  workParent?: string;
  /**
   * Stop the VM once the guest has written this much into its throw-away overlay (it lives on
   * this computer's disk). None when absent: an image file's test runs as the person.
   */
  overlayLimitBytes?: number;
  /** Log in over SSH as the blueprint's user once it booted, and run `bootc status` and these checks. */
  login?: LoginRequest;
  /** Where the screendump goes (a .ppm); none when absent. */
  screenshotPath?: string;
  searchPath?: string;
  firmwareDirs?: readonly string[];
  /**
   * Have QEMU become this unprivileged user once it has opened everything, before the guest runs
   * (the helper, which starts it as root): a guest that breaks out into QEMU is then nobody. A
   * QEMU that cannot switch users is not run.
   */
  switchUser?: string;
  /** Called with QEMU's command once it is known (for logs and the benchmark). */
  onCommand?: (qemu: string, args: string[]) => void;
}

/** The descriptor number a passed drive has in QEMU (the first after stdin, stdout and stderr). */
const PASSED_DRIVE_FD = 3;
/**
 * The screendump's file, opened here and passed as this descriptor; QEMU writes it through its
 * own /proc link to it, so it needs no way into the folder (root's, for the helper). Not an fd
 * set (-add-fd): QEMU drops unused fds from its sets whenever no QMP client is connected.
 */
const PASSED_SCREENSHOT_FD = 4;
const SCREENDUMP_FILE = `/proc/self/fd/${PASSED_SCREENSHOT_FD}`;

/**
 * The blank disk an unattended install writes: bib's smallest disk images ask for 10 GiB, so twice
 * that. It is a sparse file: only what the installer writes takes room.
 */
const INSTALL_TARGET_BYTES = 20 * 1024 * 1024 * 1024;

/** How long QEMU gets to end after SIGTERM before its watcher (timeout) sends SIGKILL. */
const QEMU_KILL_AFTER_S = 1;
/** How long the watcher gets to end (QEMU with it) after SIGTERM before it is sent SIGKILL itself. */
const TERM_GRACE_MS = 2000;

async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no loopback port');
  return address.port;
}

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
  // The machine the image boots on decides which QEMU and firmware it needs, so it is read first:
  // an arm64-only image booted as x86-64 would end minutes later as "no boot device". One that
  // cannot be read at all is taken as x86-64, as every image was before: what this computer lacks
  // is still said first, and reading it again below says why it cannot be read.
  const architecture = await readTarget(options.target, options.driveFd, bootArchitecture).catch(
    () => 'x86_64' as const,
  );
  const arm64 = architecture === 'aarch64';
  const qemu = await findQemu(architecture, options.searchPath);
  if (!qemu) return refuse(arm64 ? 'noQemuArm64' : 'noQemu');
  const firmware = await findUefiFirmware(architecture, options.firmwareDirs ?? FIRMWARE_DESCRIPTOR_DIRS);
  if (!firmware) return refuse(arm64 ? 'noFirmwareArm64' : 'noFirmware');
  const accel = await guestAccelerator(options.accelerator ?? 'auto', architecture);
  if (!accel.ok) return refuse(accel.foreign ? 'otherArchitecture' : 'kvmNotPermitted', accel.reason);
  const how = options.switchUser === undefined ? undefined : await qemuUserSwitch(qemu);
  const vmUser = options.switchUser === undefined ? undefined : await userIds(options.switchUser);
  if (vmUser === null)
    return refuse('qemuFailed', `There is no user ${options.switchUser} to run QEMU as: not run as root.`);
  if (how === null) {
    return refuse(
      'qemuFailed',
      `${qemu} cannot switch to an unprivileged user (-run-with user= or -runas): not run as root.`,
    );
  }
  // An ISO (a file, or a stick holding one) is an installer: its root's kickstart says what passes.
  const plan = await installerPlanOf(options.target, options.driveFd);
  if (plan.kind === 'unreadable') return refuse('unreadableIso', plan.reason);
  const installer =
    plan.kind === 'installer' ? { unattended: plan.unattended, kickstart: plan.kickstart } : undefined;
  const goal: BootStage = installer ? (installer.unattended ? 'installed' : 'installer') : 'login';

  const work = await mkdtemp(join(options.workParent ?? tmpdir(), 'bootstick-boot-'));
  try {
    const varsCopy = join(work, 'vars.fd');
    await copyFile(firmware.varsTemplate, varsCopy);
    const qmpSocket = join(work, 'qmp.sock');
    const sshPort = await freeLoopbackPort();
    // The screendump's file is opened here, by whoever runs the test, and QEMU only gets its
    // descriptor: QEMU (an unprivileged user, for the helper) needs no way into this folder.
    const shot = options.screenshotPath ? await open(options.screenshotPath, 'w', 0o600) : undefined;
    // QEMU as its unprivileged user may write that one file (it cannot reach it by any path).
    if (shot && vmUser) await shot.chown(vmUser.uid, vmUser.gid);
    const installTarget =
      goal === 'installed' ? await blankDisk(join(work, 'install-target.raw')) : undefined;
    const args = qemuCommand({
      architecture,
      firmwareCode: firmware.code,
      varsCopy,
      accelerator: accel.accelerator,
      disk:
        options.driveFd === undefined
          ? { path: options.target, format: await diskFormat(options.target) }
          : { passedFd: PASSED_DRIVE_FD },
      memoryMiB: options.memoryMiB ?? BOOT_TEST_MEMORY_MIB.default,
      cpus: options.cpus ?? BOOT_TEST_CPUS.default,
      qmpSocket,
      sshPort,
      switchUser: how && options.switchUser ? { how, user: options.switchUser } : undefined,
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
        : watchOverlay(qmpSocket, options.overlayLimitBytes, () => ending.abort('overlayFull'));
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
      await stop(child, exited);
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
      await stop(child, exited);
      await shot?.close().catch(() => {});
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** A sparse blank raw disk of INSTALL_TARGET_BYTES, made new (never an existing file). */
async function blankDisk(path: string): Promise<string> {
  const handle = await open(path, 'wx', 0o600);
  try {
    await handle.truncate(INSTALL_TARGET_BYTES);
  } finally {
    await handle.close();
  }
  return path;
}

/** What a login makes of a boot: booted only if the user got in and every check (bootc status too) passed. */
function loginVerdict(login: GuestLogin): BootTestOutcome {
  if (!login.loggedIn) return 'loginFailed';
  const checks = [login.bootcStatus, ...login.checks];
  return checks.every((check) => check?.passed) ? 'booted' : 'checkFailed';
}

async function screendump(socket: string, path: string): Promise<string> {
  const qmp = await QmpClient.open(socket);
  try {
    await qmp.execute('screendump', { filename: SCREENDUMP_FILE });
    return path;
  } finally {
    qmp.close();
  }
}

/** SIGTERM, then SIGKILL after a grace; resolves once QEMU has exited. */
async function stop(child: ReturnType<typeof spawn>, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), TERM_GRACE_MS);
  await exited;
  clearTimeout(timer);
}
