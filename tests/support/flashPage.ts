import type { Locator, Page } from 'playwright-core';
import { driveDomId } from '../../src/renderer/components/driveDomId';
import { callMain } from './pageActions';

/** Opens the Flash step with loop devices listed (Settings → show virtual drives). */
export async function openFlashStep(page: Page): Promise<void> {
  await callMain(page, 'updateSettings', { showVirtualDrives: true });
  await page.getByRole('link', { name: /^4\. / }).click();
  await page.locator('#step-title').waitFor();
}

/** Types an image path into the Flash step and uses it, as a person would. */
export async function chooseImageFile(page: Page, path: string): Promise<void> {
  await page.getByLabel('Image file').fill(path);
  await page.getByRole('button', { name: 'Use this image' }).click();
  await page.getByText(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(`)).waitFor();
}

/** A drive's card in the picker. */
export const driveCard = (page: Page, path: string): Locator => page.locator(`#${driveDomId(path)}`);

/** A drive's row in the running or last job. */
export const jobRow = (page: Page, path: string): Locator => page.locator(`#${driveDomId(path)}-job`);

/** Presses Tab until the target has focus (failing if it never does): proof it is reachable. */
export async function tabTo(page: Page, target: Locator, maxPresses = 80): Promise<void> {
  for (let presses = 0; presses < maxPresses; presses += 1) {
    if (await target.evaluate((element) => element === element.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

/** The next end of a flash or verify job the page receives, for jobs the renderer itself did not start. */
export function nextFlashFinished(page: Page): Promise<unknown> {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const bridge = (
          globalThis as never as {
            bootstick: { on(event: string, listener: (payload: unknown) => void): () => void };
          }
        ).bootstick;
        const off = bridge.on('jobFinished', (payload) => {
          const kind = (payload as { kind?: string }).kind;
          if (kind !== 'flash' && kind !== 'verify') return;
          off();
          resolve(payload);
        });
      }),
  );
}

/** Presses "Flash N drive(s)" for the drives chosen and says yes to erasing them. */
export async function flashChosenDrives(
  page: Page,
  button: string | RegExp = /^Flash \d+ drives?$/,
): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  await page
    .getByRole('dialog', { name: 'Erase these drives?' })
    .getByRole('button', { name: 'Erase and flash' })
    .click();
}
