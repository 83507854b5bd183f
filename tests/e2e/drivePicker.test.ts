import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driveDomId } from '../../src/renderer/components/driveDomId';
import { seriousAccessibilityViolations } from '../support/accessibility';
import { SCREENSHOTS } from '../support/builtApp';
import { createLoopDevices, run } from '../support/loopDevices';
import { openRenderer, type RendererHarness } from '../support/rendererHarness';

const loops = createLoopDevices();
let harness: RendererHarness;
let page: Page;

const card = (path: string) => page.locator(`#${driveDomId(path)}`);

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  harness = await openRenderer();
  page = harness.page;
});

afterAll(async () => {
  await harness?.close();
  await loops.cleanup();
});

describe('the drive picker in the Flash step, in a real browser on the real router', () => {
  it('names the five wizard steps and opens Flash', async () => {
    const steps = page.getByRole('navigation', { name: 'Steps' }).getByRole('link');
    await expect
      .poll(() => steps.allTextContents())
      .toEqual(['1. Image', '2. Blueprint', '3. Build', '4. Flash', '5. First boot']);
    await page.getByRole('link', { name: '4. Flash' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 2 }).textContent()).toBe('Flash');
  });

  it('shows a loop drive live once virtual drives are on, and drops it when detached', async () => {
    await page.getByText('Show virtual drives').click();
    const loop = await loops.attach(64 * 1024 * 1024, { name: 'e2e-stick.img' });
    await card(loop.path).waitFor({ state: 'visible', timeout: 5000 });
    expect(await card(loop.path).textContent()).toContain('e2e-stick.img');
    expect(await card(loop.path).textContent()).toContain('Ready to flash');

    // A person clicks the card itself; its whole surface is the checkbox's label.
    await card(loop.path).click();
    expect(await card(loop.path).getByRole('checkbox').isChecked()).toBe(true);
    await expect.poll(() => page.locator('output').textContent()).toContain('1 selected');

    await loops.detach(loop.path);
    await card(loop.path).waitFor({ state: 'detached', timeout: 5000 });
    await expect.poll(() => page.locator('output').textContent()).not.toContain('selected');
  });

  it('hides the system drive until "show hidden drives", then shows it refused with its reason', async () => {
    const { stdout } = await run('findmnt', ['-n', '-o', 'SOURCE', '/']);
    const systemDisk = stdout.trim();
    expect(await card(systemDisk).count()).toBe(0);
    await page.getByText(/Show hidden drives \(\d+\)/).click();
    await card(systemDisk).waitFor({ state: 'visible' });
    const text = await card(systemDisk).textContent();
    expect(text).toContain('Cannot be flashed');
    expect(text).toContain('System drive: the running computer uses it (/');
    expect(await card(systemDisk).getByRole('checkbox').isDisabled()).toBe(true);
    await card(systemDisk).click();
    expect(await card(systemDisk).getByRole('checkbox').isChecked()).toBe(false);
    expect(await page.locator('output').textContent()).not.toContain('selected');
  });

  it('has no serious or critical accessibility violations, and is screenshotted in English', async () => {
    const loop = await loops.attach(32 * 1024 * 1024, { name: 'screenshot-stick.img' });
    await card(loop.path).waitFor({ state: 'visible', timeout: 5000 });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'drive-picker-en.png'), fullPage: true });
  });

  it('speaks Korean when asked, keeps it as a setting, and is screenshotted', async () => {
    await page.getByRole('button', { name: '한국어' }).click();
    await page.getByRole('heading', { name: '대상 드라이브' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ko');
    expect(await page.getByText('시스템 드라이브').first().isVisible()).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'drive-picker-ko.png'), fullPage: true });
    await page.reload();
    await page.getByRole('link', { name: '4. 굽기' }).waitFor();
  });

  it('loaded with no console or CSP errors', () => {
    expect(harness.errors).toEqual([]);
  });
});
