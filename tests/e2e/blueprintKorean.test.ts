import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callMain, waitForLanguage } from '../support/pageActions';
import { openRenderer, type RendererHarness } from '../support/rendererHarness';

/**
 * A blueprint problem next to its field in the person's language: the rules make English, and the
 * form says the same problem again in Korean from the words kept with it.
 */
let harness: RendererHarness;

beforeAll(async () => {
  harness = await openRenderer();
}, 60_000);

afterAll(async () => {
  await harness?.close();
});

describe('blueprint problems in Korean', () => {
  it('shows a refused user name in Korean next to the field', async () => {
    const { page } = harness;
    await page.getByLabel('bootc image').fill('localhost/korean-test:1');
    await page.getByRole('button', { name: 'Next: blueprint' }).click();
    await page.getByRole('button', { name: 'Add a user' }).click();
    await page.getByLabel('User name').fill('ada lovelace');
    const help = page.locator('#user-0-name-helper');
    await help.getByText('User name "ada lovelace" cannot be used', { exact: false }).waitFor();

    await callMain(page, 'updateSettings', { language: 'ko' });
    await waitForLanguage(page, 'ko');
    await help
      .getByText(
        '사용자 이름 "ada lovelace"은(는) 쓸 수 없습니다(A–Z, a–z, 0–9, ".", "_", "-" 이외의 문자가',
        {
          exact: false,
        },
      )
      .waitFor();
    expect(await help.textContent()).not.toContain('cannot be used');
    await callMain(page, 'updateSettings', { language: 'en' });
    expect(harness.errors).toEqual([]);
  });
});
