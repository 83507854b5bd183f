import { stat, writeFile } from 'node:fs/promises';
import { appDataDir } from '../core/appDataDir';
import { defaultTimeoutOf } from '../core/bootTest/defaultTimeout';
import type { LoginRequest } from '../core/bootTest/loginAndCheck';
import { runBootTest } from '../core/bootTest/runBootTest';
import { recordDriveBootTest } from '../core/reports/recordDriveBootTest';
import { openSettingsStore } from '../core/store/settingsStore';
import { ACCOUNT_NAME } from '../shared/blueprint/rules/accountName';
import { BOOT_TEST_REFUSALS, type BootTestResult, type GuestLogin } from '../shared/bootTest';
import { bootTestMessageKey, detailIsQemus } from '../shared/bootTestMessage';
import type { DriveBootTestResult } from '../shared/driveBootTest';
import { en } from '../shared/i18n/catalogue';
import { CliExit, EXIT, refusalToExit } from './jobOutcome';
import { newJobId, runHelperJob } from './runHelperJob';

export interface BootTestCommandOptions {
  /** Seconds; when absent, what the target needs (defaultTimeout.ts). */
  timeout?: string;
  json?: boolean;
  virtual?: boolean;
  ssh?: string;
  /** Command lines to run as the --ssh user once logged in; each passes on exit status 0. */
  check?: string[];
  accel?: 'auto' | 'kvm' | 'tcg';
  screenshot?: string;
}

const words = en.bootTest;

/** A drive is booted by the helper (it needs root and must never be written); a file here, as the person. */
async function isDrive(target: string): Promise<boolean> {
  if (target.startsWith('/dev/')) return true;
  return stat(target).then(
    (info) => info.isBlockDevice(),
    () => false,
  );
}

/** The memory and CPUs the app's Settings lend a boot test's VM: the CLI and the app boot alike. */
async function vmSize(): Promise<{ memoryMiB: number; cpus: number }> {
  const settings = (await openSettingsStore(appDataDir())).get();
  return { memoryMiB: settings.bootTestMemoryMiB, cpus: settings.bootTestCpus };
}

/** What a run found, and for a drive the audit report it was recorded in (null: none vouches for it). */
type Finding = BootTestResult & { auditReport?: string | null };

/**
 * A drive's boot test, run by the privileged helper; the console streams to stderr. The result
 * goes into the audit report of the latest job that wrote (or verified) that very stick.
 */
async function bootDrive(
  drive: string,
  timeoutSeconds: number | undefined,
  options: BootTestCommandOptions,
): Promise<Finding> {
  const result: DriveBootTestResult = await runHelperJob(
    {
      method: 'bootTestDrive',
      params: {
        jobId: newJobId(),
        drive,
        includeVirtual: options.virtual === true,
        // Unsaid, the helper gives what the stick needs: only root can read what the stick holds.
        ...(timeoutSeconds !== undefined && { timeoutSeconds: Math.ceil(timeoutSeconds) }),
        accelerator: options.accel ?? 'auto',
        ...(await vmSize()),
        screenshot: options.screenshot !== undefined,
        login: loginFor(options),
      },
    },
    (helper) => {
      if (!options.json) helper.onBootConsole((chunk) => process.stderr.write(chunk.text));
    },
  ).catch(refusalToExit);
  const { screenshotPpmBase64, ...rest } = result;
  // The helper hands the picture over; it is saved here, with the person's own rights.
  let screenshotPath: string | undefined;
  if (options.screenshot && screenshotPpmBase64) {
    await writeFile(options.screenshot, Buffer.from(screenshotPpmBase64, 'base64'));
    screenshotPath = options.screenshot;
  }
  const report = await recordDriveBootTest(appDataDir(), result);
  return { ...rest, screenshotPath, auditReport: report?.id ?? null };
}

/** The --ssh login, checked before anything starts: a user name ssh cannot mistake for an option, an agent. */
function loginRequest(options: BootTestCommandOptions): LoginRequest | undefined {
  if (options.ssh === undefined) {
    if (options.check?.length)
      throw new CliExit(EXIT.refused, '--check needs --ssh USER: checks run as that user.');
    return undefined;
  }
  if (!ACCOUNT_NAME.test(options.ssh)) {
    throw new CliExit(
      EXIT.refused,
      `--ssh takes a user name (letters, digits, . _ -), not "${options.ssh}".`,
    );
  }
  const agentSocket = process.env.SSH_AUTH_SOCK;
  if (!agentSocket) {
    throw new CliExit(
      EXIT.refused,
      "SSH login needs your ssh-agent holding the user's key, and SSH_AUTH_SOCK is not set. Nothing was started.",
    );
  }
  return { user: options.ssh, checks: options.check ?? [], agentSocket };
}

/** The login as the helper takes it: who ssh runs as is the helper's to decide (its caller). */
function loginFor(options: BootTestCommandOptions) {
  const login = loginRequest(options);
  return login && { user: login.user, checks: [...login.checks], agentSocket: login.agentSocket };
}

/** An image file's boot test, run in this process. */
async function bootImage(image: string, timeoutSeconds: number, options: BootTestCommandOptions) {
  const controller = new AbortController();
  const cancel = () => controller.abort();
  process.once('SIGINT', cancel);
  process.once('SIGTERM', cancel);
  return runBootTest({
    target: image,
    timeoutMs: timeoutSeconds * 1000,
    accelerator: options.accel ?? 'auto',
    ...(await vmSize()),
    signal: controller.signal,
    screenshotPath: options.screenshot,
    login: loginRequest(options),
    onConsole: options.json ? undefined : (text) => process.stderr.write(text),
  }).finally(() => {
    process.off('SIGINT', cancel);
    process.off('SIGTERM', cancel);
  });
}

/** The login and each check, with the end of its output. */
function loginLines(login: GuestLogin): string[] {
  if (!login.loggedIn) return [`SSH login as ${login.user} failed: ${login.error ?? 'no reason given'}`];
  const lines = [`Logged in over SSH as ${login.user} (${login.banner})`];
  for (const check of [login.bootcStatus, ...login.checks]) {
    if (!check) continue;
    lines.push(`${check.passed ? 'passed' : 'FAILED'}: ${check.command} (exit ${check.exitCode ?? 'none'})`);
    lines.push(
      ...check.output
        .split('\n')
        .slice(-10)
        .map((line) => `    ${line}`),
    );
  }
  return lines;
}

/** The outcome in words: for an installer ISO, what its installer (or its install) did. */
function messageFor(result: Finding): string {
  const [section, name] = bootTestMessageKey(result).split('.') as ['outcome' | 'installer', string];
  return (words[section] as Record<string, string>)[name] ?? result.outcome;
}

function printResult(result: Finding, json: boolean): void {
  const message = messageFor(result);
  if (json) {
    process.stdout.write(`${JSON.stringify({ ...result, message }, null, 2)}\n`);
    return;
  }
  const lines = [`\n${message}`];
  if (result.accelerator)
    lines.push(`Accelerator: ${words.accelerator[result.accelerator]} (${result.acceleratorReason})`);
  if (result.qemu)
    lines.push(`Machine: ${result.architecture === 'aarch64' ? 'arm64' : 'x86-64'} (${result.qemu})`);
  if (result.installer?.unattended && result.installer.kickstart)
    lines.push(words.installer.kickstart.replace('{{kickstart}}', result.installer.kickstart));
  if (result.proof) lines.push(`Proof: ${result.proof}`);
  if (result.login) lines.push(...loginLines(result.login));
  if (result.outcome !== 'booted' && result.lastConsoleLines.length > 0) {
    lines.push('Last console lines:', ...result.lastConsoleLines.slice(-10).map((line) => `  ${line}`));
  }
  if (result.detail && result.outcome !== 'booted')
    lines.push(detailIsQemus(result.outcome) ? `QEMU said: ${result.detail}` : result.detail);
  lines.push(`Time: ${(result.elapsedMs / 1000).toFixed(1)} s`);
  if (result.auditReport) lines.push(`Recorded in audit report ${result.auditReport}`);
  else if (result.auditReport === null) {
    lines.push(
      'Not recorded: no audit report of Bootstick vouches for this drive (flash or verify it first).',
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

/**
 * `bootstick boot-test <image|drive>`: boots it in QEMU and watches its console. Exit 0 booted,
 * 1 did not boot, 2 refused or misused (no QEMU, no firmware, KVM not permitted, an unsafe drive,
 * a bad timeout), the same convention as `flash`.
 */
export async function bootTestCommand(target: string, options: BootTestCommandOptions): Promise<number> {
  const drive = await isDrive(target);
  const timeoutSeconds = options.timeout === undefined ? undefined : Number(options.timeout);
  if (
    timeoutSeconds !== undefined &&
    (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0 || timeoutSeconds > 3600)
  ) {
    throw new CliExit(
      EXIT.refused,
      `--timeout must be a number of seconds above 0 and at most 3600, not "${options.timeout}".`,
    );
  }
  const result: Finding = drive
    ? await bootDrive(target, timeoutSeconds, options)
    : await bootImage(target, timeoutSeconds ?? (await defaultTimeoutOf(target)), options);
  printResult(result, options.json === true);
  if (result.outcome === 'booted') return EXIT.ok;
  return BOOT_TEST_REFUSALS.includes(result.outcome) ? EXIT.refused : EXIT.failed;
}
