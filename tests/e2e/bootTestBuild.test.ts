import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootFixture } from '../support/bootFixture';
import { checksField, openBootTestApp, unfoldLogin, userField } from '../support/bootTestPage';
import { SCREENSHOTS } from '../support/builtApp';
import { chooseImageFile, driveCard, flashChosenDrives } from '../support/flashPage';
import { findingsInBothThemes, screenshotInBothLanguages } from '../support/looks';
import { createLoopDevices } from '../support/loopDevices';
import { callMain } from '../support/pageActions';
import { podman } from '../support/podman';
import { ensureBibStandin, ensureSourceImage, requirePodman } from '../support/podmanFixtures';
import type { RendererHarness } from '../support/rendererHarness';
import { FIXTURE_USER, sshTestKey } from '../support/sshFixture';
import { startTestSshAgent } from '../support/testSshAgent';
import { MiB } from '../support/units';

/**
 * Issue 16 from the Build result: a real build (rootful podman, the stand-in bib) of a blueprint
 * whose user is the SSH fixture's, then "Boot test this image" logging in as that user, offered
 * from the blueprint. The stand-in's disk.raw cannot boot, so the built file is overwritten with
 * the tiny UEFI fixture after the build: the boot and the login are real QEMU (TCG) and dropbear.
 */
const TRACKED = `127.0.0.1:5999/bootstick-test/boot-os-${randomBytes(4).toString('hex')}:stable`;
const dataDirs: string[] = [];
const loops = createLoopDevices();
let harness: RendererHarness;
let agent: Awaited<ReturnType<typeof startTestSshAgent>>;
let outputRoot: string;
let source: string;

beforeAll(async () => {
  await requirePodman();
  await mkdir(SCREENSHOTS, { recursive: true });
  const [bib, bootc, key] = await Promise.all([
    ensureBibStandin('bib'),
    ensureSourceImage('bootc', { pace: 1, diskSize: '2 GiB', tag: 'boot-test-build' }),
    sshTestKey(),
    bootFixture('ssh'),
  ]);
  source = bootc;
  agent = await startTestSshAgent([key.privateKey]);
  outputRoot = await mkdtemp(join(tmpdir(), 'bootstick-e2e-boot-build-'));
  harness = await openBootTestApp(dataDirs, { sshAuthSock: agent.socket });
  await callMain(harness.page, 'updateSettings', { bibImage: bib, buildOutputDir: outputRoot });
  await callMain(harness.page, 'saveProfile', {
    name: 'ssh fixture',
    blueprint: { customizations: { user: [{ name: FIXTURE_USER, groups: ['wheel'], key: key.publicKey }] } },
    updatesFrom: TRACKED,
  });
}, 300_000);

afterAll(async () => {
  await harness?.close();
  await loops.cleanup();
  await agent?.stop();
  await podman(['rmi', '--ignore', TRACKED]).catch(() => {});
  for (const dir of [...dataDirs, outputRoot]) if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a boot test from the Build result', () => {
  it('boots the image the build made and logs in as the blueprint user, offered from the blueprint', async () => {
    const { page } = harness;
    await page.getByLabel('bootc image').fill(source);
    await page.getByRole('button', { name: 'Next: blueprint' }).click();
    await page.getByRole('combobox', { name: 'Saved profile' }).waitFor();
    await page.getByRole('button', { name: 'Load profile' }).click();
    await page.getByText('Profile ssh fixture is now in the form.').waitFor();
    await page.getByRole('button', { name: 'Next: build' }).click();
    await page.getByRole('button', { name: 'Build', exact: true }).click();
    const start = page.getByRole('button', { name: 'Boot test this image' });
    await start.waitFor({ timeout: 120_000 });
    const listed = await callMain(page, 'listBuilds', {});
    const built = listed.ok ? listed.value[0] : undefined;
    expect(built?.outcome).toBe('succeeded');
    await copyFile(await bootFixture('ssh'), built?.artifact ?? '');

    await unfoldLogin(page);
    // The blueprint's users are offered; nobody is logged in as until one is chosen.
    const user = page.getByRole('combobox', { name: 'Log in as' });
    expect(await user.locator('option').allTextContents()).toEqual(['Do not log in', FIXTURE_USER]);
    await user.selectOption(FIXTURE_USER);
    await checksField(page).fill('systemctl status tailscaled');
    await start.click();

    const panel = page.getByTestId('boot-test-panel');
    await panel.getByRole('heading', { name: `Boot test of ${built?.artifact}` }).waitFor();
    const outcome = panel.getByTestId('boot-outcome');
    await outcome.waitFor({ timeout: 200_000 });
    expect(await outcome.textContent()).toContain('Booted: a login prompt appeared on the console.');
    expect(await panel.getByTestId('boot-login-verdict').textContent()).toContain(
      'Logged in over SSH as core with a key from your ssh-agent.',
    );
    expect(await panel.getByTestId('boot-check').getByRole('button').allTextContents()).toEqual([
      'Passed: bootc status',
      'Passed: systemctl status tailscaled',
    ]);
    await panel.getByTestId('boot-check').nth(1).getByRole('button').click();
    const output = panel.getByTestId('boot-check').nth(1).getByTestId('boot-check-output');
    await output.waitFor();
    expect(await output.textContent()).toContain('Active: active (running)');
    await panel.scrollIntoViewIfNeeded();
    expect(await findingsInBothThemes(page, 'boot test from the build result')).toEqual([]);
    await screenshotInBothLanguages(page, 'boot-test-build-result');
    expect(harness.errors).toEqual([]);
  }, 420_000);

  it('offers the blueprint user again for the stick that image was flashed to, and only for it', async () => {
    const { page } = harness;
    const listed = await callMain(page, 'listBuilds', {});
    const built = listed.ok ? listed.value[0] : undefined;
    await callMain(page, 'updateSettings', { showVirtualDrives: true });
    await page.getByRole('button', { name: 'Flash this image' }).click();
    await page.getByRole('heading', { name: 'Flash', level: 2 }).waitFor();
    const stick = await loops.attach(128 * MiB, { name: 'built-stick.img' });
    await driveCard(page, stick.path).click();
    await flashChosenDrives(page, 'Flash 1 drive');
    await page.getByTestId('report-id').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('drive-result').allTextContents()).toEqual([
      'Verified: the drive holds exactly the image',
    ]);
    await unfoldLogin(page);
    const user = page.getByRole('combobox', { name: 'Log in as' });
    expect(await user.locator('option').allTextContents()).toEqual(['Do not log in', FIXTURE_USER]);

    // Another image file flashed from the same wizard may hold other users: the name is typed.
    const other = join(outputRoot, 'other.raw');
    await copyFile(built?.artifact ?? '', other);
    await chooseImageFile(page, other);
    const second = await loops.attach(128 * MiB, { name: 'other-stick.img' });
    await driveCard(page, second.path).click();
    // The first stick may still be chosen from before: either way, every stick gets this image.
    await flashChosenDrives(page);
    await page.getByText(`Boot test ${second.path}`).waitFor({ timeout: 60_000 });
    await unfoldLogin(page);
    expect(await userField(page).count()).toBe(1);
    expect(await page.getByRole('combobox', { name: 'Log in as' }).count()).toBe(0);
    expect(harness.errors).toEqual([]);
  }, 180_000);
});
