import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootFixture } from '../support/bootFixture';
import {
  checksField,
  consoleText,
  openBootTestApp,
  openTool,
  seedBuildRecord,
  unfoldLogin,
  userField,
} from '../support/bootTestPage';
import { SCREENSHOTS } from '../support/builtApp';
import { fixtureDrive } from '../support/fixtureDrive';
import { findingsInBothThemes, screenshotInBothLanguages } from '../support/looks';
import { createLoopDevices } from '../support/loopDevices';
import { FIXTURE_USER, sshTestKey } from '../support/sshFixture';
import { startTestSshAgent } from '../support/testSshAgent';

/**
 * Issue 16's other ways in, in the real renderer on the real router: a drive the Verify tool found
 * holding exactly the image, and a build's image from History, each booted for real in QEMU (TCG)
 * with the tiny UEFI fixture; the SSH login with a test ssh-agent; and the login form refusing
 * what main would refuse, with nothing started.
 */
const loops = createLoopDevices();
const dataDirs: string[] = [];
let work: string;

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  work = await mkdtemp(join(tmpdir(), 'bootstick-e2e-boot-images-'));
});

afterAll(async () => {
  await loops.cleanup();
  for (const dir of [...dataDirs, work]) if (dir) await rm(dir, { recursive: true, force: true });
});

/** A private copy of a fixture, named as bib names a raw disk image. */
async function imageCopy(variant: 'login' | 'ssh' | 'silent', name: string): Promise<string> {
  const path = join(work, name);
  await copyFile(await bootFixture(variant), path);
  return path;
}

describe('a boot test from the Verify tool', () => {
  it('boots the drive that holds exactly the image, logs in; its report in History keeps the result', async () => {
    const agent = await startTestSshAgent([(await sshTestKey()).privateKey]);
    const drive = await fixtureDrive(loops, 'ssh');
    const image = await bootFixture('ssh');
    const harness = await openBootTestApp(dataDirs, { sshAuthSock: agent.socket });
    const { page } = harness;
    try {
      await openTool(page, 'Verify a drive');
      await page.locator('#verify-image').fill(image);
      await page.locator(`#verify-drive option[value="${drive.path}"]`).waitFor({ state: 'attached' });
      await page.locator('#verify-drive').selectOption(drive.path);
      await page.getByRole('button', { name: 'Verify', exact: true }).click();
      const verified = page.getByTestId('verify-result');
      await verified.waitFor({ timeout: 60_000 });
      // A sparse fixture is compared by its data extents: either match vouches for the drive.
      expect(await verified.textContent()).toMatch(new RegExp(`${drive.path} holds (exactly )?the image`));

      // The drive's own start control, and the image file's: a .img QEMU boots as it is.
      expect(await page.getByRole('button', { name: 'Boot test this image' }).count()).toBe(1);
      await unfoldLogin(page);
      await userField(page).first().fill(FIXTURE_USER);
      await checksField(page).first().fill('systemctl status missing');
      await page.getByRole('button', { name: `Boot test ${drive.path}` }).click();
      const panel = page.getByTestId('boot-test-panel');
      await panel.getByRole('heading', { name: `Boot test of ${drive.path}` }).waitFor();
      const outcome = panel.getByTestId('boot-outcome');
      await outcome.waitFor({ timeout: 200_000 });
      const words = (await outcome.textContent()) ?? '';
      expect(words).toContain('It booted and the user logged in, but a check did not pass.');
      expect(words).toMatch(/Recorded in audit report /);
      expect(await panel.getByTestId('boot-check').getByRole('button').allTextContents()).toEqual([
        'Passed: bootc status',
        'Failed (exit status 4): systemctl status missing',
      ]);

      await openTool(page, 'History');
      const report = page.getByTestId('audit-report').first();
      const line = report.getByTestId('report-boot-test');
      await line.waitFor();
      const recorded = (await line.textContent()) ?? '';
      expect(recorded).toMatch(
        /^Boot test \(.+, emulated, .+\): It booted and the user logged in, but a check/,
      );
      expect(recorded).toContain('Proven by console: "bootstick-fixture login:');
      expect(await report.getByTestId('report-boot-login').textContent()).toBe(
        'SSH login as core: logged in; 1 of 2 commands passed. Failed: systemctl status missing (exit status 4)',
      );
      expect(await findingsInBothThemes(page, 'report history with a boot test')).toEqual([]);
      await screenshotInBothLanguages(page, 'boot-test-report-history');
    } finally {
      await harness.close();
      await agent.stop();
    }
  }, 300_000);
});

describe('a boot test from History, logging in over SSH', () => {
  it('logs in as the user with the key in the ssh-agent: bootc status, one check passes, one fails', async () => {
    const agent = await startTestSshAgent([(await sshTestKey()).privateKey]);
    const image = await imageCopy('ssh', 'ssh-disk.raw');
    const gone = join(work, 'removed-disk.raw');
    const harness = await openBootTestApp(dataDirs, { sshAuthSock: agent.socket });
    const { page } = harness;
    try {
      await seedBuildRecord(harness.dataDir, gone);
      await seedBuildRecord(harness.dataDir, image);
      await openTool(page, 'History');
      expect(await page.getByTestId('build-record').count()).toBe(2);
      // The image of a build whose file is gone cannot be booted: no button offers it.
      expect(await page.getByRole('button', { name: `Boot test this image: ${gone}` }).count()).toBe(0);
      const record = page.getByTestId('build-record').filter({ hasText: image });
      await unfoldLogin(record);
      await userField(record).fill(FIXTURE_USER);
      await checksField(record).fill('systemctl status tailscaled\nsystemctl status missing');
      await record.getByRole('button', { name: `Boot test this image: ${image}` }).click();

      const panel = page.getByTestId('boot-test-panel');
      await panel.getByRole('heading', { name: `Boot test of ${image}` }).waitFor();
      const outcome = panel.getByTestId('boot-outcome');
      await outcome.waitFor({ timeout: 200_000 });
      const said = (await outcome.textContent()) ?? '';
      expect(said).toContain('It booted and the user logged in, but a check did not pass.');
      // It did boot: QEMU being stopped afterwards is no reason to show, nor the console's end.
      expect(said).not.toContain('QEMU said');
      expect(await panel.getByTestId('boot-last-lines').count()).toBe(0);
      const verdict = (await panel.getByTestId('boot-login-verdict').textContent()) ?? '';
      expect(verdict).toContain('Logged in over SSH as core with a key from your ssh-agent.');
      expect(verdict).toMatch(/The SSH server said: SSH-2\.0-dropbear/);
      const checks = panel.getByTestId('boot-check');
      expect(await checks.getByRole('button').allTextContents()).toEqual([
        'Passed: bootc status',
        'Passed: systemctl status tailscaled',
        'Failed (exit status 4): systemctl status missing',
      ]);
      // Each output is folded away until asked for.
      const firstOutput = checks.nth(0).getByTestId('boot-check-output');
      expect(await firstOutput.isVisible()).toBe(false);
      await checks.nth(0).getByRole('button').click();
      await firstOutput.waitFor();
      expect(await firstOutput.textContent()).toContain('Booted image: localhost/bootstick-fixture:latest');
      await checks.nth(2).getByRole('button').click();
      await checks.nth(2).getByTestId('boot-check-output').waitFor();
      expect(await checks.nth(2).getByTestId('boot-check-output').textContent()).toContain(
        'Unit missing.service could not be found.',
      );
      await panel.getByTestId('boot-login').scrollIntoViewIfNeeded();
      expect(await findingsInBothThemes(page, 'boot test login')).toEqual([]);
      await screenshotInBothLanguages(page, 'boot-test-login');
    } finally {
      await harness.close();
      await agent.stop();
    }
  }, 300_000);
});

describe('one boot test at a time', () => {
  it('holds every other start while one runs, and frees them once it is cancelled', async () => {
    const silent = await imageCopy('silent', 'silent-disk.raw');
    const other = await imageCopy('login', 'other-disk.raw');
    const harness = await openBootTestApp(dataDirs);
    const { page } = harness;
    try {
      await seedBuildRecord(harness.dataDir, other);
      await seedBuildRecord(harness.dataDir, silent);
      await openTool(page, 'History');
      await page.getByRole('button', { name: `Boot test this image: ${silent}` }).click();
      await expect.poll(() => consoleText(page), { timeout: 120_000 }).toContain('never prompting');
      const second = page.getByRole('button', { name: `Boot test this image: ${other}` });
      expect(await second.isDisabled()).toBe(true);
      expect(await page.getByText('A boot test is running: one runs at a time.').count()).toBe(2);
      await page.getByRole('button', { name: 'Cancel boot test' }).click();
      await page.getByTestId('boot-outcome').waitFor({ timeout: 30_000 });
      expect(await second.isEnabled()).toBe(true);
      expect(await page.getByText('A boot test is running: one runs at a time.').count()).toBe(0);
    } finally {
      await harness.close();
    }
  }, 180_000);
});

describe('the login form of a boot test', () => {
  it('refuses a bad user name, a bad check line, too many checks and checks without a user: nothing starts', async () => {
    const image = await imageCopy('login', 'refusals-disk.raw');
    const harness = await openBootTestApp(dataDirs);
    const { page } = harness;
    try {
      await seedBuildRecord(harness.dataDir, image);
      await openTool(page, 'History');
      const start = page.getByRole('button', { name: `Boot test this image: ${image}` });
      await start.waitFor();
      await unfoldLogin(page);
      const user = userField(page);
      const checks = checksField(page);
      const cases: [string, string, string][] = [
        [
          '-oProxyCommand=sh',
          '',
          '"-oProxyCommand=sh" is not a user name a blueprint can have: up to 32 letters, digits, ".", "_" or "-", not starting with "-".',
        ],
        ['a'.repeat(33), '', 'is not a user name a blueprint can have'],
        [
          FIXTURE_USER,
          'true\nsystemctl\tstatus',
          'Line 2 is not one line of plain text (no tabs or other control characters, at most 4096 characters).',
        ],
        [
          FIXTURE_USER,
          Array.from({ length: 17 }, () => 'true').join('\n'),
          '17 checks: at most 16 can be run.',
        ],
        ['', 'true', 'Name the user to log in as: checks run as that user.'],
      ];
      for (const [name, lines, words] of cases) {
        await user.fill(name);
        await checks.fill(lines);
        await page.getByText(words).waitFor();
        expect(await start.isDisabled()).toBe(true);
      }
      await user.fill('-bad');
      await page.getByText('is not a user name a blueprint can have').waitFor();
      await user.scrollIntoViewIfNeeded();
      expect(await findingsInBothThemes(page, 'boot test login form refusing')).toEqual([]);
      await screenshotInBothLanguages(page, 'boot-test-login-refused');
      expect(await page.getByTestId('boot-test-panel').count()).toBe(0);
    } finally {
      await harness.close();
    }
  }, 120_000);

  it('refuses a login when Bootstick has no ssh-agent, in words, before anything boots', async () => {
    const image = await imageCopy('login', 'no-agent-disk.raw');
    const harness = await openBootTestApp(dataDirs);
    const { page } = harness;
    try {
      await seedBuildRecord(harness.dataDir, image);
      await openTool(page, 'History');
      await unfoldLogin(page);
      await userField(page).fill(FIXTURE_USER);
      await checksField(page).fill('true');
      await page.getByRole('button', { name: `Boot test this image: ${image}` }).click();
      const panel = page.getByTestId('boot-test-panel');
      await panel
        .getByText(
          "The boot test did not run: Logging in as core needs your ssh-agent holding that user's key, and Bootstick was started without one (SSH_AUTH_SOCK is not set). Nothing was started.",
        )
        .waitFor();
      expect(await panel.getByTestId('boot-console').count()).toBe(0);
      // Nothing runs, so another test can start at once.
      expect(await page.getByRole('button', { name: `Boot test this image: ${image}` }).isEnabled()).toBe(
        true,
      );
    } finally {
      await harness.close();
    }
  }, 60_000);
});
