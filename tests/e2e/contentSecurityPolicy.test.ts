import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT } from '../support/builtApp';
import { CHROMIUM } from '../support/rendererHarness';

/**
 * The app loads its pages from file:, where no response header exists (Electron's
 * onHeadersReceived never sees file: loads): the policy that protects the page is the one in
 * index.html's meta tag. Proof that it applies to the built page loaded exactly that way.
 */
let browser: Browser;
let page: Page;
const violations: string[] = [];

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  page = await (await browser.newContext()).newPage();
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(pathToFileURL(join(BUILT.renderer, 'index.html')).href);
});
afterAll(async () => browser?.close());

describe('the built page, loaded from file: as the app loads it', () => {
  it('runs no inline script', async () => {
    await page.addScriptTag({ content: 'globalThis.__inlineRan = true;' }).catch(() => {});
    expect(await page.evaluate(() => (globalThis as { __inlineRan?: boolean }).__inlineRan ?? false)).toBe(
      false,
    );
    expect(violations.some((text) => /script/i.test(text))).toBe(true);
  });

  it('runs no script from anywhere but the app', async () => {
    await page.addScriptTag({ url: 'data:text/javascript,globalThis.__dataRan=true' }).catch(() => {});
    expect(await page.evaluate(() => (globalThis as { __dataRan?: boolean }).__dataRan ?? false)).toBe(false);
  });

  it('loads nothing from the network', async () => {
    type ImageLike = { onload: () => void; onerror: () => void; src: string };
    const loaded = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const image = new (globalThis as never as { Image: new () => ImageLike }).Image();
          image.onload = () => resolve('loaded');
          image.onerror = () => resolve('blocked');
          image.src = 'http://127.0.0.1:9/pixel.png';
        }),
    );
    expect(loaded).toBe('blocked');
    expect(violations.some((text) => /img-src/.test(text))).toBe(true);
  });
});
