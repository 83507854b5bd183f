import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listReports } from '../../src/core/reports/reportStore';
import { driveDomId } from '../../src/renderer/components/driveDomId';
import { seriousAccessibilityViolations } from '../support/accessibility';
import { SCREENSHOTS } from '../support/builtApp';
import { createLoopDevices } from '../support/loopDevices';
import { sha256Of, writePatternFile } from '../support/patternFile';
import { openRenderer, type RendererHarness } from '../support/rendererHarness';
import { MiB } from '../support/units';

const loops = createLoopDevices();
let harness: RendererHarness;
let page: Page;

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  harness = await openRenderer();
  page = harness.page;
  await page.getByRole('link', { name: '4. Flash' }).click();
  await page.getByText('Show virtual drives').click();
});

afterAll(async () => {
  await harness?.close();
  await loops.cleanup();
});

describe('a flash job from the Flash step, end to end', () => {
  it('says plainly when the image file does not exist', async () => {
    await page.getByLabel('Image file').fill('/nonexistent/bootc.raw');
    await page.getByRole('button', { name: 'Use this image' }).click();
    await page.getByText('The image file /nonexistent/bootc.raw does not exist or cannot be read.').waitFor();
    expect(await page.getByRole('button', { name: /^Flash/ }).isDisabled()).toBe(true);
  });

  it('writes two loop drives at once and shows both verified, with the audit report', async () => {
    const image = join(await loops.tempDir(), 'stick.img');
    const sha = await writePatternFile(image, 24 * MiB);
    const drives = [
      await loops.attach(32 * MiB, { name: 'one.img' }),
      await loops.attach(32 * MiB, { name: 'two.img' }),
    ];
    await page.getByLabel('Image file').fill(image);
    await page.getByRole('button', { name: 'Use this image' }).click();
    await page.getByText(`${image} (25.2 MB)`).waitFor();
    for (const drive of drives) {
      await page.locator(`#${driveDomId(drive.path)}`).waitFor();
      await page.locator(`#${driveDomId(drive.path)}`).click();
    }
    await page.getByRole('button', { name: 'Flash 2 drives' }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase these drives?' });
    await dialog.waitFor();
    for (const drive of drives) expect(await dialog.textContent()).toContain(drive.path);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Erase and flash' }).click();

    await page.getByTestId('report-id').waitFor({ timeout: 30_000 });
    const results = await page.getByTestId('drive-result').allTextContents();
    expect(results).toEqual([
      'Verified: the drive holds exactly the image',
      'Verified: the drive holds exactly the image',
    ]);
    for (const drive of drives) expect(await sha256Of(drive.path, 24 * MiB)).toBe(sha);

    const [report] = await listReports(harness.dataDir);
    expect(report?.image.sha256).toBe(sha);
    expect(await page.getByTestId('report-id').textContent()).toContain(report?.id);
    await page.getByTestId('report-id').scrollIntoViewIfNeeded();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'flash-done-en.png') });
  });
});
