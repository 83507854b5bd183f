import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { seriousAccessibilityViolations } from './accessibility';
import { SCREENSHOTS } from './builtApp';
import { callMain, htmlHasClass, waitForLanguage } from './pageActions';

/** axe's serious and critical findings in light and dark, labelled with where they were found. */
export async function findingsInBothThemes(page: Page, where: string): Promise<string[]> {
  const findings: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    await callMain(page, 'updateSettings', { theme });
    await expect.poll(() => htmlHasClass(page, 'pf-v6-theme-dark')).toBe(theme === 'dark');
    for (const finding of await seriousAccessibilityViolations(page))
      findings.push(`${where}, ${theme}: ${finding}`);
  }
  await callMain(page, 'updateSettings', { theme: 'light' });
  return findings;
}

/** The page in English and in Korean, screenshotted as `name-en.png`/`name-ko.png`, English after. */
export async function screenshotInBothLanguages(page: Page, name: string): Promise<void> {
  for (const language of ['en', 'ko'] as const) {
    await callMain(page, 'updateSettings', { language });
    await waitForLanguage(page, language);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${language}.png`), fullPage: true });
  }
  await callMain(page, 'updateSettings', { language: 'en' });
  await waitForLanguage(page, 'en');
}
