import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driveDomId } from '../../src/renderer/components/driveDomId';
import { seriousAccessibilityViolations } from '../support/accessibility';
import { confirmBuildWithoutUpdates } from '../support/buildPage';
import { SCREENSHOTS } from '../support/builtApp';
import { flashChosenDrives } from '../support/flashPage';
import { createLoopDevices } from '../support/loopDevices';
import { callMain, importBlueprintConfig } from '../support/pageActions';
import { ensureBibStandin, ensureSourceImage, requirePodman } from '../support/podmanFixtures';
import { openRenderer, type RendererHarness } from '../support/rendererHarness';

/**
 * Image → Blueprint → Build as a person does it, in the built renderer on the real router, the
 * real helper, real rootful podman and the stand-in bootc-image-builder.
 */

const SSH_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPKlgWLL8YcjaJJuizgbayxwR7WF9c1750BQmAmiMhTH bob@laptop';
const PRIVATE_KEY = [
  '-----BEGIN OPENSSH PRIVATE KEY-----',
  'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW',
  '-----END OPENSSH PRIVATE KEY-----',
].join('\n');
const CONFIG_TOML = [
  '[[customizations.user]]',
  'name = "ada"',
  'password = "imported secret 123"',
  'groups = ["wheel"]',
  '',
  '[customizations.kernel]',
  'append = "console=ttyS0"',
].join('\n');

const loops = createLoopDevices();
let harness: RendererHarness;
let page: Page;
let outputRoot: string;
let source: string;

beforeAll(async () => {
  await requirePodman();
  await mkdir(SCREENSHOTS, { recursive: true });
  const [bib, bootc] = await Promise.all([
    ensureBibStandin('bib'),
    ensureSourceImage('bootc', { pace: 2, diskSize: '2 GiB' }),
  ]);
  source = bootc;
  outputRoot = await mkdtemp(join(tmpdir(), 'bootstick-e2e-builds-'));
  harness = await openRenderer();
  page = harness.page;
  await callMain(page, 'updateSettings', { bibImage: bib, buildOutputDir: outputRoot });
}, 300_000);

afterAll(async () => {
  await harness?.close();
  await loops.cleanup();
  if (outputRoot) await rm(outputRoot, { recursive: true, force: true });
});

/** Each listed build stage's state (passed, current, pending, failed, cancelled), in order. */
const stageStates = () =>
  page
    .getByTestId('build-stages')
    .locator('[data-state]')
    .evaluateAll((steps) =>
      steps.map((step) => (step as never as { dataset: { state: string } }).dataset.state),
    );

describe('Image → Blueprint → Build, as a person does it', () => {
  it('refuses an image reference that is not one, then takes the bootc image', async () => {
    const field = page.getByLabel('bootc image');
    await field.fill('not an image!');
    await page.getByText('Not an image reference').waitFor();
    expect(await page.getByRole('button', { name: 'Next: blueprint' }).isDisabled()).toBe(true);
    await field.fill(source);
    await page.getByRole('button', { name: 'Next: blueprint' }).click();
    await page.getByRole('heading', { name: 'Blueprint', level: 2 }).waitFor();
  });

  it('imports a bib config.toml, hashing its plain password at once', async () => {
    await importBlueprintConfig(page, CONFIG_TOML);
    await page.getByText('Imported.').waitFor();
    expect(await page.getByLabel('User name').first().inputValue()).toBe('ada');
    await page.getByText('Password set (stored only as a SHA-512 hash).').waitFor();
    const preview = page.locator('#config-preview');
    await preview.getByText('password = "$6$').waitFor();
    expect(await preview.textContent()).not.toContain('imported secret 123');
    expect(await preview.textContent()).toContain('append = "console=ttyS0"');
  });

  it('refuses a pasted private key on the spot and never keeps it', async () => {
    await page.getByRole('button', { name: 'Add a user' }).click();
    const key = page.getByLabel('SSH public keys').nth(1);
    await key.fill(PRIVATE_KEY);
    await page.getByText('This is a PRIVATE SSH key. It was not kept').waitFor();
    expect(await key.inputValue()).toBe('');
    expect(await page.content()).not.toContain('PRIVATE KEY-----');
  });

  it('says next to the field that a user name with a space will not do', async () => {
    const name = page.getByLabel('User name').nth(1);
    await name.fill('bob smith');
    await page
      .locator('#user-1-name-helper')
      .getByText(/bob smith/)
      .waitFor();
    expect(await page.getByRole('button', { name: 'Next: build' }).isDisabled()).toBe(true);
    await name.fill('bob');
    await page.getByRole('button', { name: 'Next: build' }).isEnabled();
  });

  it('shows the type and fingerprint of a pasted public key, and hashes a typed password', async () => {
    await page.getByLabel('SSH public keys').nth(1).fill(SSH_KEY);
    await page.getByText(/ED25519 key SHA256:\S+ bob@laptop/).waitFor();
    const password = page.getByLabel('Password').nth(1);
    await password.fill('a typed secret!');
    await page.getByLabel('Groups').nth(1).focus();
    await page.locator('#user-1-password-helper').getByText('Password set').waitFor();
    expect(await password.inputValue()).toBe('');
    const preview = page.locator('#config-preview');
    await preview.getByText('name = "bob"').waitFor();
    expect(await preview.textContent()).not.toContain('a typed secret!');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'blueprint-en.png'), fullPage: true });
  });

  it('builds a raw image with stage-accurate progress and the live log, then offers to flash it', async () => {
    await page.getByRole('button', { name: 'Next: build' }).click();
    await page.getByRole('heading', { name: 'Build', level: 2 }).waitFor();
    expect(await page.getByText(`From ${source}`).count()).toBe(1);
    await confirmBuildWithoutUpdates(page);
    await page.getByRole('button', { name: 'Build', exact: true }).click();
    await page
      .getByText(/Stage \d+ of \d+: org\.osbuild\./)
      .first()
      .waitFor({ timeout: 30_000 });
    // The stages as a list: osbuild's stage shows under "Building", marked as the one running now.
    expect(await stageStates()).toEqual(['passed', 'passed', 'passed', 'current', 'pending']);
    expect(
      await page
        .getByTestId('build-stages')
        .getByText(/Stage \d+ of \d+: org\.osbuild\./)
        .count(),
    ).toBe(1);
    expect(await page.getByRole('listitem', { name: 'Building: running now' }).count()).toBe(1);
    // What was checked shows while the build still runs, not only once it ends.
    expect(await page.getByRole('button', { name: 'Cancel build' }).isVisible()).toBe(true);
    expect(
      await page.getByTestId('preflight-checklist').getByText(`${source} is a bootc image.`).count(),
    ).toBe(1);
    // The log streams while the build runs (the view follows its end).
    await page
      .getByRole('log')
      .locator('.pf-v6-c-log-viewer__text')
      .filter({ hasText: /\S/ })
      .first()
      .waitFor();
    await page.getByText(/Built .*image\/disk\.raw/).waitFor({ timeout: 60_000 });
    expect(await stageStates()).toEqual(['passed', 'passed', 'passed', 'passed', 'passed']);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'build-en.png'), fullPage: true });

    await page.getByRole('button', { name: 'Flash this image' }).click();
    await page.getByRole('heading', { name: 'Flash', level: 2 }).waitFor();
    await page.getByText(/image\/disk\.raw \(2\.\d+ GB\)/).waitFor();
    expect(harness.errors).toEqual([]);
  }, 120_000);

  it('flashes the built image to two loop drives at once and shows both verified', async () => {
    const GiB = 1024 ** 3;
    const drives = [
      await loops.attach(2.5 * GiB, { name: 'stick-a.img' }),
      await loops.attach(2.5 * GiB, { name: 'stick-b.img' }),
    ];
    await page.getByText('Show virtual drives').click();
    for (const drive of drives) {
      await page.locator(`#${driveDomId(drive.path)}`).waitFor();
      await page.locator(`#${driveDomId(drive.path)}`).click();
    }
    await flashChosenDrives(page, 'Flash 2 drives');
    await page.getByTestId('report-id').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('drive-result').allTextContents()).toEqual([
      'Verified: the drive holds exactly the image',
      'Verified: the drive holds exactly the image',
    ]);
    await page.screenshot({ path: join(SCREENSHOTS, 'journey-flash-en.png'), fullPage: true });
  }, 120_000);

  it('tells how to boot, who logs in with which key, and how bootc updates and rolls back', async () => {
    await page.getByRole('button', { name: 'Next: first boot' }).click();
    await page.getByRole('heading', { name: 'First boot', level: 2 }).waitFor();
    await page.getByText(/your ED25519 key is SHA256:\S+/).waitFor();
    await page.getByText('bob can also log in at the console').waitFor();
    await page.getByText('ada can also log in at the console').waitFor();
    await page.getByText(`Updates come from ${source}`).waitFor();
    // Built from localhost/…: the page says the installed system cannot update from that name.
    await page.getByTestId('first-boot-cannot-update').getByText(`${source} is a local name`).waitFor();
    const commands = await page
      .locator('.bootstick-first-boot input[readonly]')
      .evaluateAll((inputs) => inputs.map((input) => (input as unknown as { value: string }).value));
    expect(commands).toEqual([
      'ssh bob@<host>',
      'sudo bootc status',
      'sudo bootc upgrade --check',
      'sudo bootc upgrade',
      'sudo systemctl reboot',
      'sudo bootc rollback',
      'sudo bootc switch registry.example.com/org/os:stable',
    ]);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'first-boot-en.png'), fullPage: true });
  });

  it('cancels a running build, leaving nothing', async () => {
    const slow = await ensureSourceImage('bootc', { pace: 30, tag: 'slow' });
    await page.getByRole('link', { name: '1. Image' }).click();
    await page.getByLabel('bootc image').fill(slow);
    await page.getByRole('link', { name: '3. Build' }).click();
    await confirmBuildWithoutUpdates(page);
    await page.getByRole('button', { name: 'Build', exact: true }).click();
    await page
      .getByText(/Stage \d+ of \d+/)
      .first()
      .waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Cancel build' }).click();
    await page.getByText('The build was cancelled. Nothing was kept.').waitFor({ timeout: 20_000 });
    expect(await stageStates()).toEqual(['passed', 'passed', 'passed', 'cancelled', 'pending']);
    expect(await page.getByRole('button', { name: 'Build', exact: true }).isEnabled()).toBe(true);
  }, 90_000);

  it('shows a failing build’s reason and fix where the person is looking', async () => {
    const failing = await ensureSourceImage('fail-no-space', { pace: 1 });
    await page.getByRole('link', { name: '1. Image' }).click();
    await page.getByLabel('bootc image').fill(failing);
    await page.getByRole('link', { name: '3. Build' }).click();
    await confirmBuildWithoutUpdates(page);
    await page.getByRole('button', { name: 'Build', exact: true }).click();
    const alert = page.getByText(/The build failed: /);
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toMatch(/space/i);
    // The list says where it stopped: one stage failed, none still running.
    const failedAt = await stageStates();
    expect(failedAt.filter((state) => state === 'failed')).toHaveLength(1);
    expect(failedAt).not.toContain('current');
    await page.getByText(/What to do: /).waitFor();
    await page
      .getByText(/No space left on device/)
      .first()
      .waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  }, 90_000);
});
