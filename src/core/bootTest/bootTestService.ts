import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BootTestEnd, BootTestProgress, StartBootTestInput } from '../../shared/bootTestJob';
import { AppError } from '../../shared/errors';
import { type BootTestFinished, bootTestState } from '../../shared/jobs';
import { errorShape } from '../containerImages/containerImageService';
import { cancelHelperJob } from '../privileged/cancelHelperJob';
import type { HelperClient } from '../privileged/helperClient';
import { recordDriveBootTest } from '../reports/recordDriveBootTest';
import { type AcceleratorWish, chooseAccelerator } from './chooseAccelerator';
import { defaultTimeoutOf } from './defaultTimeout';
import type { LoginRequest } from './loginAndCheck';
import { runBootTest } from './runBootTest';

export interface BootTestEvents {
  progress(jobId: string, progress: BootTestProgress): void;
  /** Whole console lines since the last call. */
  log(jobId: string, lines: { stream: 'stdout'; line: string }[]): void;
  finished(end: BootTestFinished): void;
}

export interface BootTestService {
  start(input: StartBootTestInput): Promise<{ jobId: string }>;
  cancel(jobId: string): Promise<boolean>;
}

/** A console prints a line at a time, often many at once: sent on in bursts, like a build's log. */
const LOG_FLUSH_MS = 200;

/** Splits console text into lines (escape codes kept for the log view's colours, carriage returns not). */
function lineSplitter(emit: (lines: string[]) => void) {
  let partial = '';
  let pending: string[] = [];
  return {
    feed(text: string) {
      const parts = (partial + text).replace(/\r/g, '').split('\n');
      partial = parts.pop() ?? '';
      pending.push(...parts);
    },
    flush(end = false) {
      if (end && partial !== '') {
        pending.push(partial);
        partial = '';
      }
      if (pending.length > 0) emit(pending);
      pending = [];
    },
  };
}

/** A login with the person's agent, refused before anything starts when they have none. */
function loginRequest(
  login: NonNullable<StartBootTestInput['login']>,
  agentSocket: string | undefined,
): LoginRequest {
  if (!agentSocket?.startsWith('/')) {
    throw new AppError(
      'refused',
      `Logging in as ${login.user} needs your ssh-agent holding that user's key, and Bootstick was started without one (SSH_AUTH_SOCK is not set). Nothing was started.`,
    );
  }
  return { user: login.user, checks: login.checks, agentSocket };
}

/**
 * The app's side of a boot test: a drive through the privileged helper's `bootTestDrive` (as
 * `bootstick boot-test /dev/…` runs it), recorded in the drive's audit report; an image file with
 * the same runBootTest the CLI runs, in main as the person. The console comes as log lines.
 */
export function createBootTestService(options: {
  dataDir: string;
  helper: () => Promise<HelperClient>;
  settings: () => {
    showVirtualDrives: boolean;
    bootTestAccelerator: AcceleratorWish;
    bootTestMemoryMiB: number;
    bootTestCpus: number;
  };
  events: BootTestEvents;
  log?: (message: string) => void;
  /** The person's ssh-agent (main's own SSH_AUTH_SOCK): a login uses it, never a path the renderer names. */
  agentSocket?: () => string | undefined;
}): BootTestService {
  const agentSocket = options.agentSocket ?? (() => process.env.SSH_AUTH_SOCK);
  const running = new Map<string, { cancel(): Promise<void> }>();

  async function bootDrive(
    jobId: string,
    drive: string,
    timeoutSeconds: number | undefined,
    accelerator: AcceleratorWish,
    login: LoginRequest | undefined,
    feed: (text: string) => void,
  ): Promise<BootTestEnd> {
    const client = await options.helper();
    const unsubscribe = client.onBootConsole((chunk) => {
      if (chunk.jobId === jobId) feed(chunk.text);
    });
    running.set(jobId, {
      // The helper registers the job once it has checked the drive: a cancel is repeated till then.
      cancel: () => cancelHelperJob(client, jobId, () => running.has(jobId)),
    });
    try {
      const result = await client.call({
        method: 'bootTestDrive',
        params: {
          jobId,
          drive,
          includeVirtual: options.settings().showVirtualDrives,
          // Unsaid, the helper gives what the stick needs (only root can read what it holds).
          ...(timeoutSeconds !== undefined && { timeoutSeconds }),
          accelerator,
          memoryMiB: options.settings().bootTestMemoryMiB,
          cpus: options.settings().bootTestCpus,
          screenshot: true,
          // Who ssh runs as is the helper's to decide (its caller), so no runAs goes along.
          ...(login && {
            login: { user: login.user, checks: [...login.checks], agentSocket: login.agentSocket },
          }),
        },
      });
      const report = await recordDriveBootTest(options.dataDir, result);
      const { drive: _drive, readOnlyBefore: _before, readOnlyDuringRun: _during, ...rest } = result;
      return { ...rest, auditReportId: report?.id ?? null };
    } finally {
      unsubscribe();
    }
  }

  async function bootImage(
    jobId: string,
    path: string,
    timeoutSeconds: number,
    accelerator: AcceleratorWish,
    login: LoginRequest | undefined,
    feed: (text: string) => void,
  ): Promise<BootTestEnd> {
    const controller = new AbortController();
    running.set(jobId, { cancel: async () => controller.abort() });
    const work = await mkdtemp(join(tmpdir(), 'bootstick-shot-'));
    try {
      const { screenshotPath, ...rest } = await runBootTest({
        target: path,
        timeoutMs: timeoutSeconds * 1000,
        accelerator,
        memoryMiB: options.settings().bootTestMemoryMiB,
        cpus: options.settings().bootTestCpus,
        signal: controller.signal,
        screenshotPath: join(work, 'screen.ppm'),
        onConsole: feed,
        login,
      });
      const picture = screenshotPath ? await readFile(screenshotPath).catch(() => null) : null;
      return picture ? { ...rest, screenshotPpmBase64: picture.toString('base64') } : rest;
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  async function run(jobId: string, input: StartBootTestInput, login?: LoginRequest): Promise<void> {
    const { target } = input;
    const wish = options.settings().bootTestAccelerator;
    const lines = lineSplitter((batch) =>
      options.events.log(
        jobId,
        batch.map((line) => ({ stream: 'stdout', line })),
      ),
    );
    const timer = setInterval(() => lines.flush(), LOG_FLUSH_MS);
    try {
      // An image runs as the person, so main knows its accelerator; root's helper decides a drive's.
      const choice = target.kind === 'image' || wish === 'tcg' ? await chooseAccelerator(wish) : undefined;
      options.events.progress(jobId, { target, accelerator: choice?.ok ? choice.accelerator : null });
      const result =
        target.kind === 'drive'
          ? // A drive is read only by root's helper, which gives it what it needs when unsaid.
            await bootDrive(jobId, target.drive, input.timeoutSeconds, wish, login, lines.feed)
          : // An unattended install ISO gets an install's time.
            await bootImage(
              jobId,
              target.path,
              input.timeoutSeconds ?? (await defaultTimeoutOf(target.path)),
              wish,
              login,
              lines.feed,
            );
      lines.flush(true);
      options.events.finished({
        jobId,
        kind: 'bootTest',
        state: bootTestState(result),
        target,
        result,
        error: null,
      });
    } catch (error) {
      lines.flush(true);
      options.log?.(`boot test ${jobId} did not run: ${String(error)}`);
      options.events.finished({
        jobId,
        kind: 'bootTest',
        state: 'failed',
        target,
        result: null,
        error: errorShape(error),
      });
    } finally {
      clearInterval(timer);
      running.delete(jobId);
    }
  }

  return {
    async start(input) {
      const login = input.login && loginRequest(input.login, agentSocket());
      const jobId = `boot-${randomBytes(6).toString('hex')}`;
      void run(jobId, input, login).catch((error) =>
        options.log?.(`boot test ${jobId} crashed: ${String(error)}`),
      );
      return { jobId };
    },
    async cancel(jobId) {
      const job = running.get(jobId);
      if (!job) return false;
      await job.cancel();
      return true;
    },
  };
}
