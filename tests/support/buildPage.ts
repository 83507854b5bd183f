import type { Page } from 'playwright-core';

/**
 * Ticks the Build step's "build anyway" under the warning a localhost/… source brings (its
 * installed system could never update): the tests' fixture images are all local names.
 */
export async function confirmBuildWithoutUpdates(page: Page): Promise<void> {
  await page.getByRole('checkbox', { name: 'Build anyway, without updates' }).check();
}
