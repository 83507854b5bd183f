import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations } from '../support/accessibility';
import { SCREENSHOTS } from '../support/builtApp';
import { chooseImageFile, driveCard, jobRow, nextFlashFinished, openFlashStep } from '../support/flashPage';
import { createLoopDevices, run } from '../support/loopDevices';
import { processesHolding } from '../support/openHolders';
import { callMain } from '../support/pageActions';
import { sha256Of, writePatternFile } from '../support/patternFile';
import { openRenderer, type RendererHarness } from '../support/rendererHarness';
import { MiB } from '../support/units';

/**
 * The Flash step's bad-input journeys on real loop drives: each says what happened where the
 * person is looking and leaves nothing half-done.
 */

const loops = createLoopDevices();
let harness: RendererHarness;
let page: Page;

const results = () => page.getByTestId('drive-result').allTextContents();
const flashButton = () => page.getByRole('button', { name: /^Flash( \d+ drives?)?$/ });
const confirmDialog = () => page.getByRole('dialog', { name: 'Erase these drives?' });
const VERIFIED = 'Verified: the drive holds exactly the image';

beforeEach(async () => {
  harness = await openRenderer();
  page = harness.page;
  await openFlashStep(page);
});

afterEach(async () => {
  const errors = harness?.errors ?? [];
  await harness?.close();
  await loops.cleanup();
  // Every journey ran with no console or CSP error in the page.
  expect(errors).toEqual([]);
});

describe('bad input on the Flash step', () => {
  it('refuses a drive too small for the image, in words, and writes nothing to it', async () => {
    const dir = await loops.tempDir();
    const image = join(dir, 'big.img');
    await writePatternFile(image, 24 * MiB);
    const small = await loops.attach(16 * MiB, { name: 'small-stick.img' });
    await writePatternFile(join(dir, 'old-data.img'), 16 * MiB);
    await run('dd', [
      `if=${join(dir, 'old-data.img')}`,
      `of=${small.path}`,
      'bs=1M',
      'oflag=direct',
      'status=none',
    ]);
    const before = await sha256Of(small.path, 16 * MiB);

    await chooseImageFile(page, image);
    const card = driveCard(page, small.path);
    await expect
      .poll(() => card.textContent())
      .toContain('Too small for the selected image (25.2 MB needed)');
    expect(await card.textContent()).toContain('Cannot be flashed');
    expect(await card.getByRole('checkbox').isDisabled()).toBe(true);
    await card.click();
    expect(await card.getByRole('checkbox').isChecked()).toBe(false);
    expect(await flashButton().isDisabled()).toBe(true);

    // Asked directly, past the UI, the helper refuses too, and says which drive and why.
    const finished = nextFlashFinished(page);
    await callMain(page, 'startFlash', {
      image,
      drives: [small.path],
      verify: true,
      full: false,
      eject: false,
    });
    const { error } = (await finished) as { error: { refusals: { drive: string; code: string }[] } };
    expect(error.refusals).toEqual([expect.objectContaining({ drive: small.path, code: 'unsafeDrive' })]);
    expect(await sha256Of(small.path, 16 * MiB)).toBe(before);
  });

  it('cancels mid-write: each drive says cancelled, the job ends, nothing holds the drives, Flash is ready again', async () => {
    const dir = await loops.tempDir();
    // gzip'd so the write takes seconds, not a blink: time to see speed and ETA, and to cancel.
    const image = join(dir, 'slow.img');
    await writePatternFile(image, 768 * MiB);
    await run('gzip', ['-1', image]);
    const drives = [
      await loops.attach(800 * MiB, { name: 'a.img' }),
      await loops.attach(800 * MiB, { name: 'b.img' }),
    ];
    await chooseImageFile(page, `${image}.gz`);
    for (const drive of drives) await driveCard(page, drive.path).click();
    await flashButton().click();
    await confirmDialog().getByRole('button', { name: 'Erase and flash' }).click();

    // Each drive shows its own speed and time left while it is written.
    for (const drive of drives) {
      await expect
        .poll(() => jobRow(page, drive.path).textContent(), { timeout: 20_000 })
        .toMatch(/Writing[\s\S]*\d[\d.,]* [kMG]?B\/s · about \d+ s left/);
    }
    await page.getByRole('button', { name: 'Cancel all' }).click();

    await page.getByTestId('report-id').waitFor({ timeout: 20_000 });
    expect(await results()).toEqual(['Cancelled', 'Cancelled']);
    expect(await page.getByRole('button', { name: 'Cancel all' }).count()).toBe(0);
    expect(await flashButton().isEnabled()).toBe(true);
    for (const drive of drives) await expect.poll(() => processesHolding(drive.path)).toEqual([]);

    // A cancelled drive can be retried; one unplugged meanwhile is said to be gone, not retried.
    const [kept, unplugged] = drives.map((drive) => drive.path) as [string, string];
    await loops.detach(unplugged);
    await driveCard(page, unplugged).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Retry failed drives' }).click();
    const dialog = confirmDialog();
    const notice = dialog.getByTestId('retry-notice');
    expect(await notice.textContent()).toContain(`${unplugged} is no longer connected, so it is left out.`);
    expect(await dialog.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining(kept)]);
    // Write-protected while the question is open: judged again at once, and Erase cannot go on.
    await run('blockdev', ['--setro', kept]);
    try {
      await expect
        .poll(() => notice.textContent())
        .toContain(`${kept} cannot be flashed now (Read-only: the drive is write-protected; `);
      expect(await notice.textContent()).toContain('None of the failed drives can be written again.');
      expect(await dialog.getByRole('button', { name: 'Erase and flash' }).isDisabled()).toBe(true);
    } finally {
      await run('blockdev', ['--setrw', kept]);
    }
    // The image goes away before Erase: the helper refuses, said where the progress would be,
    // and the cancelled job's report is still there to read.
    const firstReport = await page.getByTestId('report-id').textContent();
    await expect.poll(() => dialog.getByRole('button', { name: 'Erase and flash' }).isEnabled()).toBe(true);
    await rename(`${image}.gz`, `${image}.moved.gz`);
    await dialog.getByRole('button', { name: 'Erase and flash' }).click();
    const refused = page.locator('.pf-v6-c-alert', { hasText: 'Nothing was written' });
    await expect.poll(() => refused.textContent()).toContain('The image cannot be read.');
    await page.getByRole('heading', { name: 'Earlier reports' }).waitFor();
    expect(await page.getByTestId('report-id').textContent()).toBe(firstReport);
  }, 120_000);

  it('asks to type the name of an unusually large drive; a wrong name keeps Erase disabled', async () => {
    await callMain(page, 'updateSettings', { largeDriveThresholdBytes: 40 * MiB });
    const image = join(await loops.tempDir(), 'stick.img');
    const sha = await writePatternFile(image, 8 * MiB);
    const large = await loops.attach(64 * MiB, { name: 'large.img' });
    const usual = await loops.attach(32 * MiB, { name: 'usual.img' });
    await chooseImageFile(page, image);
    await expect.poll(() => driveCard(page, large.path).textContent()).toContain('Check before flashing');
    expect(await driveCard(page, large.path).textContent()).toContain('Unusually large (over 41.9 MB)');
    await driveCard(page, large.path).click();
    await driveCard(page, usual.path).click();
    await page.getByRole('button', { name: 'Flash 2 drives' }).click();

    const dialog = confirmDialog();
    const name = large.path.replace('/dev/', '');
    const erase = dialog.getByRole('button', { name: 'Erase and flash' });
    const field = dialog.getByLabel(`Type ${name} to erase large.img (67.1 MB)`);
    expect(await dialog.getByRole('textbox').count()).toBe(1); // only the large drive asks
    expect(await erase.isDisabled()).toBe(true);
    await field.fill(name === 'loop1' ? 'loop2' : 'loop1');
    await dialog
      .getByText(`That is not ${name}. Check the drive and type its device name exactly.`)
      .waitFor();
    expect(await erase.isDisabled()).toBe(true);
    await field.fill(name);
    await dialog.getByText(`Matches ${name}.`).waitFor();
    await erase.click();

    await page.getByTestId('report-id').waitFor({ timeout: 30_000 });
    expect(await results()).toEqual([VERIFIED, VERIFIED]);
    for (const drive of [large, usual]) expect(await sha256Of(drive.path, 8 * MiB)).toBe(sha);
  });

  it('retries only the drive that failed mid-write, once its fault is fixed, and keeps the first report', async () => {
    const image = join(await loops.tempDir(), 'dense.img');
    const sha = await writePatternFile(image, 64 * MiB);
    // A loop device whose backing file sits on a 32 MiB tmpfs: writes past ~32 MiB fail.
    const tiny = await mkdtemp(join(tmpdir(), 'bootstick-tiny-'));
    await run('mount', ['-t', 'tmpfs', '-o', 'size=32M', 'tmpfs', tiny]);
    let faulty = '';
    try {
      await run('truncate', ['-s', '128M', join(tiny, 'faulty.img')]);
      faulty = (await run('losetup', ['-f', '--show', join(tiny, 'faulty.img')])).stdout.trim();
      const good = await loops.attach(96 * MiB, { name: 'good.img' });
      await chooseImageFile(page, image);
      for (const drive of [good.path, faulty]) await driveCard(page, drive).click();
      await page.getByRole('button', { name: 'Flash 2 drives' }).click();
      await confirmDialog().getByRole('button', { name: 'Erase and flash' }).click();
      await page.getByTestId('report-id').waitFor({ timeout: 30_000 });
      expect(await jobRow(page, good.path).textContent()).toContain(VERIFIED);
      expect(await jobRow(page, faulty).textContent()).toContain('Failed');
      const firstReport = (await page.getByTestId('report-id').textContent())?.replace('Audit report ', '');
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Retry failed drives' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SCREENSHOTS, 'flash-failed-en.png'), fullPage: true });

      // The fault goes away (the tmpfs grows), as when a flaky stick is reseated.
      await run('mount', ['-o', 'remount,size=256M', tiny]);
      await page.getByRole('button', { name: 'Retry failed drives' }).click();
      const dialog = confirmDialog();
      expect(await dialog.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining(faulty)]);
      await dialog.getByRole('button', { name: 'Erase and flash' }).click();

      await expect.poll(() => page.getByTestId('report-id').first().textContent()).not.toContain(firstReport);
      await expect.poll(results, { timeout: 30_000 }).toEqual([VERIFIED]);
      expect(await jobRow(page, good.path).count()).toBe(0);
      expect(await sha256Of(faulty, 64 * MiB)).toBe(sha);
      expect(await page.getByRole('button', { name: 'Retry failed drives' }).count()).toBe(0);
      // The first attempt's report is still readable.
      await page.getByRole('button', { name: `Audit report ${firstReport}` }).click();
      const earlier = page.getByRole('region', { name: `Audit report ${firstReport}` });
      const earlierDrives = await earlier.getByTestId('report-drive').allTextContents();
      expect(earlierDrives).toHaveLength(2);
      expect(earlierDrives).toContainEqual(expect.stringContaining(`${good.path} (good.img): ${VERIFIED}`));
      expect(earlierDrives).toContainEqual(
        expect.stringContaining(`${faulty} (faulty.img): Failed — ${faulty} failed while being written`),
      );
    } finally {
      if (faulty) await run('losetup', ['-d', faulty]).catch(() => {});
      await run('umount', [tiny]).catch(() => {});
      await rm(tiny, { recursive: true, force: true });
    }
  }, 90_000);
});
