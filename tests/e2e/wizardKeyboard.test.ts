import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations } from '../support/accessibility';
import { SCREENSHOTS } from '../support/builtApp';
import { callMain, htmlHasClass } from '../support/pageActions';
import { ensureBibStandin, ensureSourceImage, requirePodman } from '../support/podmanFixtures';
import { openRenderer, type RendererHarness } from '../support/rendererHarness';

/**
 * The wizard with the keyboard alone (Tab, Shift+Tab, Enter, Space, typing), and every step
 * captured in English and Korean with no serious accessibility finding.
 */

const SSH_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPKlgWLL8YcjaJJuizgbayxwR7WF9c1750BQmAmiMhTH kim@laptop';
let harness: RendererHarness;
let page: Page;
let source: string;
let outputRoot: string;

/** Presses Tab until the target has focus (failing if it never does): proof it is reachable. */
async function tabTo(target: Locator, maxPresses = 60): Promise<void> {
  for (let presses = 0; presses < maxPresses; presses += 1) {
    if (await target.evaluate((element) => element === element.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

beforeAll(async () => {
  await requirePodman();
  await mkdir(SCREENSHOTS, { recursive: true });
  const [bib, bootc] = await Promise.all([ensureBibStandin('bib'), ensureSourceImage('bootc', { pace: 1 })]);
  source = bootc;
  outputRoot = await mkdtemp(join(tmpdir(), 'bootstick-e2e-keyboard-'));
  harness = await openRenderer();
  page = harness.page;
  await callMain(page, 'updateSettings', { bibImage: bib, buildOutputDir: outputRoot });
}, 300_000);

afterAll(async () => {
  await harness?.close();
  if (outputRoot) await rm(outputRoot, { recursive: true, force: true });
});

describe('the wizard with the keyboard alone', () => {
  it('goes from an image reference through a user with an SSH key to a finished build', async () => {
    const field = page.getByLabel('bootc image');
    await tabTo(field);
    await page.keyboard.type(source);
    // Enter counts only once the reference is taken (Next enabled) and the field still has focus:
    // on a busy host the step can still be settling (local images arriving) when typing ends.
    await expect.poll(() => field.inputValue(), { timeout: 15_000 }).toBe(source);
    await expect
      .poll(() => page.getByRole('button', { name: 'Next: blueprint' }).isEnabled(), { timeout: 15_000 })
      .toBe(true);
    await tabTo(field);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Blueprint', level: 2 }).waitFor();

    await tabTo(page.getByRole('button', { name: 'Add a user' }));
    await page.keyboard.press('Space');
    await tabTo(page.getByLabel('User name'));
    await page.keyboard.type('kim');
    await page.keyboard.press('Tab');
    await page.keyboard.type('a long keyboard password');
    await page.keyboard.press('Tab'); // leaving the field hashes it
    await page.getByText('Password set (stored only as a SHA-512 hash).').waitFor();
    await tabTo(page.getByLabel('SSH public keys'));
    await page.keyboard.insertText(SSH_KEY);
    await page.getByText(/ED25519 key SHA256:\S+ kim@laptop/).waitFor();
    await tabTo(page.getByRole('button', { name: 'Next: build' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Build', level: 2 }).waitFor();

    await tabTo(page.getByLabel('Image type'));
    // A localhost/… source: the warning's "build anyway" is ticked with the keyboard too.
    await tabTo(page.getByRole('checkbox', { name: 'Build anyway, without updates' }));
    await page.keyboard.press('Space');
    await tabTo(page.getByRole('button', { name: 'Build', exact: true }));
    await page.keyboard.press('Enter');
    await page.getByText(/Built .*image\/disk\.raw/).waitFor({ timeout: 60_000 });
    await tabTo(page.getByRole('button', { name: 'Flash this image' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Flash', level: 2 }).waitFor();
  }, 120_000);
});

describe('every step, in English and Korean, light and dark', () => {
  const steps = ['1', '2', '3', '4', '5'];
  for (const theme of ['light', 'dark'] as const) {
    for (const language of ['en', 'ko'] as const) {
      it(`has no serious accessibility finding and is captured (${language}, ${theme})`, async () => {
        await callMain(page, 'updateSettings', { language, theme });
        await page.locator(`html[lang="${language}"]`).waitFor();
        await expect.poll(() => htmlHasClass(page, 'pf-v6-theme-dark')).toBe(theme === 'dark');
        for (const number of steps) {
          await page.getByRole('link', { name: new RegExp(`^${number}\\. `) }).click();
          await page.locator('#step-title').waitFor();
          expect(
            await seriousAccessibilityViolations(page),
            `step ${number} (${language}, ${theme})`,
          ).toEqual([]);
          const suffix = theme === 'dark' ? `${language}-dark` : language;
          await page.screenshot({ path: join(SCREENSHOTS, `step-${number}-${suffix}.png`), fullPage: true });
        }
      }, 60_000);
    }
  }
});
