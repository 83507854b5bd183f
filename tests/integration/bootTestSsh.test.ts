import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBootTest } from '../../src/core/bootTest/runBootTest';
import { bootTestWords } from '../../src/shared/i18n/words/bootTest';
import { bootFixture } from '../support/bootFixture';
import { BUILT, ROOT, requireBuild } from '../support/builtApp';
import { FIXTURE_USER, sshTestKey } from '../support/sshFixture';
import { startTestSshAgent } from '../support/testSshAgent';

const exec = promisify(execFile);
const BOOT_TIMEOUT_MS = 120_000;
let work: string;
let image: string;
let agent: Awaited<ReturnType<typeof startTestSshAgent>>;
let emptyAgent: Awaited<ReturnType<typeof startTestSshAgent>>;

/** The built CLI; never throws. */
function bootstick(args: string[], env: NodeJS.ProcessEnv) {
  return exec(process.execPath, [BUILT.cli, ...args], { cwd: ROOT, env, maxBuffer: 16 * 1024 * 1024 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

beforeAll(async () => {
  requireBuild();
  work = await mkdtemp(join(tmpdir(), 'bootstick-boottest-ssh-'));
  image = join(work, 'ssh.img');
  await copyFile(await bootFixture('ssh'), image);
  agent = await startTestSshAgent([(await sshTestKey()).privateKey]);
  emptyAgent = await startTestSshAgent([]);
}, 300_000);
afterAll(async () => {
  await agent?.stop();
  await emptyAgent?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('SSH login as the blueprint user, with the key in a test ssh-agent (real QEMU, dropbear)', () => {
  it(
    'logs in, runs bootc status and the named checks: one passes, one fails, each with its output and status',
    async () => {
      const result = await runBootTest({
        target: image,
        timeoutMs: BOOT_TIMEOUT_MS,
        accelerator: 'tcg',
        login: {
          user: FIXTURE_USER,
          checks: ['systemctl status tailscaled', 'systemctl status missing'],
          agentSocket: agent.socket,
        },
      });
      expect(result.outcome).toBe('checkFailed');
      expect(result.login?.loggedIn).toBe(true);
      expect(result.login?.banner).toMatch(/^SSH-2\.0-dropbear/);
      expect(result.login?.bootcStatus).toMatchObject({ command: 'bootc status', exitCode: 0, passed: true });
      expect(result.login?.bootcStatus?.output).toContain('Booted image: localhost/bootstick-fixture:latest');
      const [passing, failing] = result.login?.checks ?? [];
      expect(passing).toMatchObject({ command: 'systemctl status tailscaled', exitCode: 0, passed: true });
      expect(passing?.output).toContain('Active: active (running)');
      expect(failing).toMatchObject({ command: 'systemctl status missing', exitCode: 4, passed: false });
      expect(failing?.output).toContain('Unit missing.service could not be found.');
    },
    BOOT_TIMEOUT_MS + 30_000,
  );

  it(
    'bootstick boot-test --ssh with a passing check: exit 0, the checks printed',
    async () => {
      const result = await bootstick(
        [
          ...['boot-test', image, '--accel', 'tcg', '--timeout', '120', '--ssh', FIXTURE_USER],
          ...['--check', 'systemctl status tailscaled'],
        ],
        { ...process.env, SSH_AUTH_SOCK: agent.socket },
      );
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(bootTestWords.en.outcome.booted);
      expect(result.stdout).toContain(`Logged in over SSH as ${FIXTURE_USER}`);
      expect(result.stdout).toContain('passed: bootc status (exit 0)');
      expect(result.stdout).toContain('passed: systemctl status tailscaled (exit 0)');
    },
    BOOT_TIMEOUT_MS + 30_000,
  );

  it(
    "an agent without the user's key: it booted, but the login failed, in ssh's words (exit 1)",
    async () => {
      const result = await bootstick(
        ['boot-test', image, '--accel', 'tcg', '--timeout', '120', '--ssh', FIXTURE_USER, '--json'],
        { ...process.env, SSH_AUTH_SOCK: emptyAgent.socket },
      );
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout);
      expect(report.outcome).toBe('loginFailed');
      expect(report.message).toBe(bootTestWords.en.outcome.loginFailed);
      expect(report.login.loggedIn).toBe(false);
      expect(report.login.error).toContain('Permission denied');
    },
    BOOT_TIMEOUT_MS + 30_000,
  );

  it('refuses an SSH login it cannot do before starting anything (exit 2, each in its own words)', async () => {
    const { SSH_AUTH_SOCK: _, ...noAgent } = process.env;
    const missing = await bootstick(['boot-test', image, '--ssh', FIXTURE_USER], noAgent);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('SSH_AUTH_SOCK is not set');
    const option = await bootstick(['boot-test', image, '--ssh', '-oProxyCommand=touch'], {
      ...process.env,
      SSH_AUTH_SOCK: agent.socket,
    });
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('--ssh takes a user name');
    const lone = await bootstick(['boot-test', image, '--check', 'true'], process.env);
    expect(lone.code).toBe(2);
    expect(lone.stderr).toContain('--check needs --ssh USER');
    // A drive too: the helper is not even started.
    const { SSH_AUTH_SOCK: __, ...driveEnv } = process.env;
    const drive = await bootstick(['boot-test', '/dev/loop-none', '--ssh', FIXTURE_USER], driveEnv);
    expect(drive.code).toBe(2);
    expect(drive.stderr).toContain('SSH_AUTH_SOCK is not set');
  });
});
