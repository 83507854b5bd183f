import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingsInBothThemes, screenshotInBothLanguages } from '../support/looks';
import { downloadOf, importBlueprintConfig } from '../support/pageActions';
import { openRenderer, type RendererHarness } from '../support/rendererHarness';

/**
 * The Blueprint step in the order a person thinks: the users first, and what acts on the whole
 * blueprint (profiles, import, download) as one toolbar above them, each in its own dialog.
 */
let harness: RendererHarness;

const CONFIG = ['[[customizations.user]]', 'name = "grace"', 'groups = ["wheel"]'].join('\n');

beforeAll(async () => {
  harness = await openRenderer();
  const { page } = harness;
  await page.getByLabel('bootc image').fill('localhost/toolbar-test:1');
  await page.getByRole('button', { name: 'Next: blueprint' }).click();
  await page.getByRole('heading', { name: 'Blueprint', level: 2 }).waitFor();
}, 60_000);

afterAll(async () => {
  await harness?.close();
});

describe('the Blueprint step', () => {
  it('opens with the users: the first field of the page is a user name, the rest is one toolbar', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Add a user' }).click();
    const firstField = await page
      .locator('main input:not([type=hidden]), main textarea, main select')
      .first()
      .getAttribute('id');
    // The toolbar's profile choice appears only once there are profiles; with none, no field precedes the users.
    expect(firstField).toBe('user-0-name');
    const toolbar = page.getByRole('region', { name: 'Profiles and config files' });
    for (const name of ['Save as profile…', 'Import config.toml…', 'Download config.toml'])
      expect(await toolbar.getByRole('button', { name }).count()).toBe(1);
    expect(await findingsInBothThemes(page, 'blueprint toolbar')).toEqual([]);
    await screenshotInBothLanguages(page, 'blueprint-users-first');
  });

  it('refuses a broken config in its dialog by line, and leaves the form as it was', async () => {
    const { page } = harness;
    await page.getByLabel('User name').first().fill('ada');
    await importBlueprintConfig(page, '[[customizations.user]]\nname = \n');
    const dialog = page.getByRole('dialog', { name: 'Import a bib config' });
    await dialog.getByText('Not imported: fix these lines first.').waitFor();
    expect(await dialog.textContent()).toMatch(/Line 2: /);
    expect(await findingsInBothThemes(page, 'import refused')).toEqual([]);
    await screenshotInBothLanguages(page, 'blueprint-import-refused');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByLabel('User name').first().inputValue()).toBe('ada');
  });

  it('imports a config from the toolbar, closes the dialog and says so', async () => {
    const { page } = harness;
    await importBlueprintConfig(page, CONFIG);
    await page.getByRole('dialog', { name: 'Import a bib config' }).waitFor({ state: 'detached' });
    await page.getByText('Imported.').waitFor();
    expect(await page.getByLabel('User name').first().inputValue()).toBe('grace');
  });

  it('saves the form as a profile and loads it back after the form changed', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Save as profile…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save this blueprint as a profile' });
    await dialog.getByLabel('Profile name').fill('lab machines');
    expect(await findingsInBothThemes(page, 'save profile dialog')).toEqual([]);
    await dialog.getByRole('button', { name: 'Save profile' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Saved profile lab machines.').waitFor();

    await page.getByLabel('User name').first().fill('someone-else');
    await page.getByRole('combobox', { name: 'Saved profile' }).selectOption('lab machines');
    await page.getByRole('button', { name: 'Load profile' }).click();
    await page.getByText('Profile lab machines is now in the form.').waitFor();
    expect(await page.getByLabel('User name').first().inputValue()).toBe('grace');
  });

  it('downloads exactly the config.toml the preview shows', async () => {
    const { page } = harness;
    const preview = page.locator('#config-preview');
    await preview.getByText('name = "grace"').waitFor();
    const file = await downloadOf(page, page.getByRole('button', { name: 'Download config.toml' }));
    expect(file.name).toBe('config.toml');
    expect(file.text).toBe(await preview.textContent());
    expect(harness.errors).toEqual([]);
  });
});
