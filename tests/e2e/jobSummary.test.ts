import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS } from '../support/builtApp';
import { chooseImageFile, driveCard } from '../support/flashPage';
import { findingsInBothThemes, screenshotInBothLanguages } from '../support/looks';
import { createLoopDevices } from '../support/loopDevices';
import { callMain } from '../support/pageActions';
import { writePatternFile } from '../support/patternFile';
import { openRenderer, type RendererHarness } from '../support/rendererHarness';
import { MiB } from '../support/units';

/** Issue 19: the job at a glance, above every step, right after each change and after a restart. */
const loops = createLoopDevices();
let dataDir: string;
let harness: RendererHarness | undefined;

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  dataDir = await mkdtemp(join(tmpdir(), 'bootstick-e2e-summary-'));
});

afterAll(async () => {
  await harness?.close();
  await loops.cleanup();
  await rm(dataDir, { recursive: true, force: true });
});

async function restart(): Promise<Page> {
  await harness?.close();
  harness = await openRenderer({ dataDir });
  return harness.page;
}

/** The summary's items as "label value", in order. */
async function summary(page: Page): Promise<string[]> {
  await page.getByTestId('job-summary').waitFor();
  const items = page.getByTestId('job-summary').locator('[data-summary]');
  return (await items.allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
}

describe('the job at a glance', () => {
  it('says what is chosen after every step change, and each item opens its step', async () => {
    const page = await restart();
    expect(await summary(page)).toEqual([
      'Image: none yet',
      'Users: none yet',
      'Builds: raw',
      'Writes: nothing yet',
    ]);
    await page.getByLabel('bootc image').fill('localhost/summary-test:1');
    await page.getByRole('button', { name: 'Next: blueprint' }).click();
    await page.getByRole('button', { name: 'Add a user' }).click();
    await page.getByLabel('User name').fill('dana');
    await page.getByRole('button', { name: 'Add a user' }).click();
    await page.getByLabel('User name').nth(1).fill('eli');
    expect(await summary(page)).toEqual([
      'Image: localhost/summary-test:1',
      'Users: dana, eli',
      'Builds: raw',
      'Writes: nothing yet',
    ]);

    await page.getByRole('link', { name: '3. Build' }).click();
    await page.getByLabel('Image type').selectOption('anaconda-iso');
    expect((await summary(page))[2]).toBe('Builds: anaconda-iso');

    const image = join(await loops.tempDir(), 'summary.img');
    await writePatternFile(image, 4 * MiB);
    const drive = await loops.attach(8 * MiB, { name: 'summary-drive.img' });
    await callMain(page, 'updateSettings', { showVirtualDrives: true });
    await page.getByRole('link', { name: '4. Flash' }).click();
    await chooseImageFile(page, image);
    await driveCard(page, drive.path).waitFor();
    await driveCard(page, drive.path).click();
    expect((await summary(page))[3]).toBe(`Writes: summary.img to ${drive.path}`);
    expect(await findingsInBothThemes(page, 'summary on the Flash step')).toEqual([]);
    await screenshotInBothLanguages(page, 'job-summary');

    // Each item is a way back to where it is chosen.
    await page.getByTestId('job-summary').getByRole('button', { name: 'dana, eli' }).click();
    await page.getByRole('heading', { name: 'Blueprint', level: 2 }).waitFor();
    await page.getByTestId('job-summary').getByRole('button', { name: 'localhost/summary-test:1' }).click();
    await page.getByRole('heading', { name: 'Image', level: 2 }).waitFor();
  });

  it('comes back after a restart as the work in progress does, without the drives', async () => {
    const page = await restart();
    // Work in progress keeps the image, the users, the type and the file to flash; never a drive.
    await expect
      .poll(() => summary(page))
      .toEqual([
        'Image: localhost/summary-test:1',
        'Users: dana, eli',
        'Builds: anaconda-iso',
        'Writes: summary.img to no drive picked yet',
      ]);
  });

  it('names the file and the drives, not a blueprint, when a disk image file is flashed', async () => {
    const page = await restart();
    await page.getByRole('link', { name: '1. Image' }).click();
    await page.getByRole('tab', { name: 'Disk image file' }).click();
    expect(await summary(page)).toEqual([
      'Disk image file: summary.img',
      'Writes: summary.img to no drive picked yet',
    ]);
  });
});
