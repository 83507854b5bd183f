import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS } from '../support/builtApp';
import { driveCard, tabTo } from '../support/flashPage';
import { findingsInBothThemes, screenshotInBothLanguages } from '../support/looks';
import { createLoopDevices, type LoopDevice } from '../support/loopDevices';
import { callMain } from '../support/pageActions';
import { sha256Of, writePatternFile } from '../support/patternFile';
import { openRenderer, type RendererHarness } from '../support/rendererHarness';
import { MiB } from '../support/units';

/**
 * The Flash step with the keyboard alone, from the image to the audit report, and checked by axe
 * in light and dark, with the confirmation open and with results shown; captured in en and ko.
 */

const VERIFIED = 'Verified: the drive holds exactly the image';
const loops = createLoopDevices();
let harness: RendererHarness;
let page: Page;
let image: string;
let sha: string;
let drives: LoopDevice[];

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  image = join(await loops.tempDir(), 'keyboard.img');
  sha = await writePatternFile(image, 8 * MiB);
  // One drive over the (lowered) large-drive threshold, so the confirmation asks for its name.
  drives = [
    await loops.attach(64 * MiB, { name: 'large.img' }),
    await loops.attach(16 * MiB, { name: 'small.img' }),
  ];
  harness = await openRenderer();
  page = harness.page;
  await callMain(page, 'updateSettings', { showVirtualDrives: true, largeDriveThresholdBytes: 40 * MiB });
});

afterAll(async () => {
  await harness?.close();
  await loops.cleanup();
});

describe('the Flash step with the keyboard alone', () => {
  it('chooses the image, picks two drives, confirms by name, and reads and exports the report', async () => {
    await tabTo(page, page.getByRole('link', { name: '4. Flash' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Flash', level: 2 }).waitFor();
    expect(await findingsInBothThemes(page, 'Flash step, nothing chosen')).toEqual([]);

    await tabTo(page, page.getByLabel('Image file'));
    await page.keyboard.type(image);
    await page.keyboard.press('Enter');
    await page.getByText(`${image} (8.4 MB)`).waitFor();
    for (const drive of drives) {
      const checkbox = driveCard(page, drive.path).getByRole('checkbox');
      await tabTo(page, checkbox);
      await page.keyboard.press('Space');
      expect(await checkbox.isChecked()).toBe(true);
    }

    await tabTo(page, page.getByRole('button', { name: 'Flash 2 drives' }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Erase these drives?' });
    await dialog.waitFor();
    expect(await findingsInBothThemes(page, 'confirmation')).toEqual([]);
    await screenshotInBothLanguages(page, 'flash-confirm');
    const name = drives[0]?.path.replace('/dev/', '') ?? '';
    await tabTo(page, dialog.getByRole('textbox'));
    await page.keyboard.type(name);
    await dialog.getByText(`Matches ${name}.`).waitFor();
    await tabTo(page, dialog.getByRole('button', { name: 'Erase and flash' }));
    await page.keyboard.press('Enter');

    await page.getByTestId('report-id').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('drive-result').allTextContents()).toEqual([VERIFIED, VERIFIED]);
    for (const drive of drives) expect(await sha256Of(drive.path, 8 * MiB)).toBe(sha);

    const toggle = page.getByRole('button', { name: 'Show the audit report' });
    await tabTo(page, toggle);
    await page.keyboard.press('Enter');
    const report = page.getByTestId('report-panel');
    await report.getByText(sha).waitFor();
    expect(await report.getByTestId('report-drive').allTextContents()).toEqual(
      drives.map((drive) =>
        expect.stringContaining(`${drive.path} (${drive.backingFile.split('/').pop()}): ${VERIFIED}`),
      ),
    );

    await tabTo(page, report.getByRole('button', { name: 'Export JSON' }));
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
  }, 90_000);

  it('has no serious accessibility finding with results shown, in either theme, and is captured', async () => {
    expect(await findingsInBothThemes(page, 'results')).toEqual([]);
    await screenshotInBothLanguages(page, 'flash-results');
    expect(harness.errors).toEqual([]);
  }, 60_000);
});
