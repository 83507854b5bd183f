import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootFixture, FIXTURE_SIZE } from '../support/bootFixture';
import { SCREENSHOTS } from '../support/builtApp';
import { qemuHolding } from '../support/fixtureDrive';
import { chooseImageFile, driveCard, flashChosenDrives, tabTo } from '../support/flashPage';
import { findingsInBothThemes, screenshotInBothLanguages } from '../support/looks';
import { createLoopDevices, type LoopDevice } from '../support/loopDevices';
import { openRenderer, type RendererHarness } from '../support/rendererHarness';
import { MiB } from '../support/units';

/**
 * Issue 16 in the real renderer: a stick flashed with the tiny UEFI fixture is booted in QEMU
 * from its Flash result, through the helper, its console shown as it boots. This host's KVM is
 * unreliable, so the app is told to emulate (settings.json), as the integration tests do.
 */
const loops = createLoopDevices();
const dataDirs: string[] = [];

async function freshApp(): Promise<RendererHarness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bootstick-e2e-boot-'));
  dataDirs.push(dataDir);
  await writeFile(
    join(dataDir, 'settings.json'),
    JSON.stringify({ showVirtualDrives: true, bootTestAccelerator: 'tcg' }),
  );
  return openRenderer({ dataDir });
}

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await loops.cleanup();
  for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
});

/** Flashes `image` to `drive` from the Flash step, the person's way, and waits for "Verified". */
async function flashVerified(page: Page, image: string, drive: LoopDevice): Promise<void> {
  await page.getByRole('link', { name: '4. Flash' }).click();
  await chooseImageFile(page, image);
  const card = driveCard(page, drive.path);
  await card.waitFor({ timeout: 15_000 });
  await card.click();
  await flashChosenDrives(page, 'Flash 1 drive');
  await page.getByTestId('report-id').waitFor({ timeout: 60_000 });
  expect(await page.getByTestId('drive-result').allTextContents()).toEqual([
    'Verified: the drive holds exactly the image',
  ]);
}

const consoleText = async (page: Page) => (await page.getByTestId('boot-console').textContent()) ?? '';

describe('a boot test from the Flash results', () => {
  it('boots the flashed stick in a VM: live console, "booted", the screen at the end', async () => {
    const drive = await loops.attach(FIXTURE_SIZE + 8 * MiB, { name: 'boot-login.img' });
    const image = await bootFixture('login');
    const harness = await freshApp();
    const { page } = harness;
    try {
      await flashVerified(page, image, drive);
      await page.getByRole('button', { name: `Boot test ${drive.path}` }).click();
      const panel = page.getByTestId('boot-test-panel');
      await panel.getByRole('heading', { name: `Boot test of ${drive.path}` }).waitFor();
      expect(await panel.getByTestId('boot-accelerator').textContent()).toBe(
        'Emulation (TCG, no KVM): several times slower than real hardware.',
      );
      // Live: the console shows what the VM prints while the outcome is still to come.
      await expect.poll(() => consoleText(page), { timeout: 120_000 }).not.toBe('');
      const outcome = panel.getByTestId('boot-outcome');
      await outcome.waitFor({ timeout: 150_000 });
      expect(await panel.getByRole('heading', { level: 4, name: 'Serial console' }).count()).toBe(1);
      expect(await consoleText(page)).toContain('bootstick-fixture login:');
      const words = (await outcome.textContent()) ?? '';
      expect(words).toContain('Booted: a login prompt appeared on the console.');
      expect(words).toMatch(/Proven by console: "bootstick-fixture login:/);
      expect(words).toMatch(/Time: [\d.]+ s/);
      expect(words).toMatch(/Recorded in audit report /);
      const screen = panel.getByRole('img', {
        name: `Picture of the virtual machine’s screen at the end of the boot test of ${drive.path}`,
      });
      await screen.waitFor();
      const size = await screen.evaluate((canvas) => ({
        width: (canvas as never as { width: number }).width,
        height: (canvas as never as { height: number }).height,
      }));
      expect(size.width).toBeGreaterThan(0);
      expect(size.height).toBeGreaterThan(0);
      await panel.scrollIntoViewIfNeeded();
      expect(await findingsInBothThemes(page, 'boot test booted')).toEqual([]);
      await screenshotInBothLanguages(page, 'boot-test-booted');
    } finally {
      await harness.close();
    }
  }, 180_000);

  it('says in words why a stick whose kernel panics did not boot, with the last console lines', async () => {
    const drive = await loops.attach(FIXTURE_SIZE + 8 * MiB, { name: 'boot-panic.img' });
    const image = await bootFixture('panic');
    const harness = await freshApp();
    const { page } = harness;
    try {
      await flashVerified(page, image, drive);
      await page.getByRole('button', { name: `Boot test ${drive.path}` }).click();
      const outcome = page.getByTestId('boot-outcome');
      await outcome.waitFor({ timeout: 150_000 });
      expect(await outcome.textContent()).toContain('The kernel panicked during boot.');
      expect(await page.getByTestId('boot-last-lines').textContent()).toMatch(/Kernel panic/i);
      expect(await findingsInBothThemes(page, 'boot test panicked')).toEqual([]);
      await screenshotInBothLanguages(page, 'boot-test-panic');
    } finally {
      await harness.close();
    }
  }, 180_000);

  it('cancels by keyboard: QEMU is stopped at once and the panel says so', async () => {
    const drive = await loops.attach(FIXTURE_SIZE + 8 * MiB, { name: 'boot-silent.img' });
    const image = await bootFixture('silent');
    const harness = await freshApp();
    const { page } = harness;
    try {
      await flashVerified(page, image, drive);
      const start = page.getByRole('button', { name: `Boot test ${drive.path}` });
      await tabTo(page, start);
      await page.keyboard.press('Enter');
      await expect.poll(() => consoleText(page), { timeout: 120_000 }).toContain('never prompting');
      expect((await qemuHolding(drive.path)).length).toBe(1);
      const cancel = page.getByRole('button', { name: 'Cancel boot test' });
      await tabTo(page, cancel);
      const asked = Date.now();
      await page.keyboard.press('Enter');
      const outcome = page.getByTestId('boot-outcome');
      await outcome.waitFor({ timeout: 30_000 });
      expect(await outcome.textContent()).toContain('The boot test was cancelled; QEMU was stopped.');
      expect(Date.now() - asked).toBeLessThan(15_000);
      expect(await qemuHolding(drive.path)).toEqual([]);
      expect(await findingsInBothThemes(page, 'boot test cancelled')).toEqual([]);
    } finally {
      await harness.close();
    }
  }, 180_000);
});
