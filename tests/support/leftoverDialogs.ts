import type { Page } from 'playwright-core';

/** PatternFly's Modal (and every other modal the app shows) carries these. */
const OPEN_MODAL = '[role="dialog"][aria-modal="true"]';

/**
 * Closes any modal dialog a test left open (it failed half-way, say), the way a person would:
 * Escape. A modal's backdrop takes every click, so one left open would fail every later test of
 * the file for a reason that has nothing to do with it. A dialog that ignores Escape is a finding
 * of its own: the page is reloaded (work in progress comes back from the draft) and the test's
 * file is told.
 */
export async function closeLeftoverDialogs(page: Page): Promise<string | null> {
  const modals = page.locator(OPEN_MODAL);
  if (page.isClosed() || (await modals.count()) === 0) return null;
  for (let attempt = 0; attempt < 3 && (await modals.count()) > 0; attempt += 1) {
    await page.keyboard.press('Escape');
    await modals
      .first()
      .waitFor({ state: 'detached', timeout: 2_000 })
      .catch(() => {});
  }
  if ((await modals.count()) === 0) return null;
  await page.reload();
  return 'a modal dialog did not close on Escape; the page was reloaded';
}
