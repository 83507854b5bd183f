import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations } from '../support/accessibility';
import { closeLeftoverDialogs } from '../support/leftoverDialogs';
import { callMain } from '../support/pageActions';
import { CHROMIUM, openRenderer, type RendererHarness } from '../support/rendererHarness';

/**
 * The suite's own tools, checked on a real browser: the accessibility check looks at the page a
 * person sees (after a fade), and a dialog one test leaves open does not break the next one.
 */

// Black text on white that fades in from 20 % opacity, the way PatternFly shows an error helper text.
const FADING_TEXT = `<!doctype html><html lang="en"><head><title>fade</title><style>
  @keyframes fade-in { from { opacity: 0.2; } to { opacity: 1; } }
  p { color: #000; background: #fff; animation: fade-in 1500ms linear; }
</style></head><body><main><h1>Fade</h1><p>Shown after a fade</p></main></body></html>`;

describe('the accessibility check', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    page = await (await browser.newContext()).newPage();
  });
  afterAll(async () => browser?.close());

  it('judges text once its fade-in is over, as a person sees it (axe mid-fade reports color-contrast)', async () => {
    await page.setContent(FADING_TEXT);
    const midFade = await new AxeBuilder({ page: page as never }).withRules(['color-contrast']).analyze();
    expect(midFade.violations.map((violation) => violation.id)).toEqual(['color-contrast']);

    await page.setContent(FADING_TEXT);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('still finishes when the page has an endless animation (a spinner)', async () => {
    await page.setContent(
      FADING_TEXT.replace(
        '</main>',
        '<div style="width:1em;height:1em;animation:fade-in 1s infinite" aria-hidden="true"></div></main>',
      ),
    );
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});

describe('a dialog left open by a test', () => {
  let harness: RendererHarness;
  beforeAll(async () => {
    harness = await openRenderer();
  }, 120_000);
  afterAll(async () => harness?.close());

  it('is closed with Escape, and the page takes clicks again', async () => {
    const { page } = harness;
    await expect(callMain(page, 'saveProfile', { name: 'left open', blueprint: {} })).resolves.toMatchObject({
      ok: true,
    });
    await page.getByRole('navigation', { name: 'Tools' }).getByRole('link', { name: 'Profiles' }).click();
    await page.getByTestId('profile-row').getByRole('button', { name: 'Rename' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rename profile left open' });
    await dialog.waitFor();

    expect(await closeLeftoverDialogs(page)).toBeNull();
    expect(await dialog.count()).toBe(0);
    await page.getByRole('link', { name: '1. Image' }).click({ timeout: 5_000 });
    await page.getByRole('heading', { name: 'Image', level: 2 }).waitFor();
  });
});
