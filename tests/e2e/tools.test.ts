import { mkdir, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations } from '../support/accessibility';
import { confirmBuildWithoutUpdates } from '../support/buildPage';
import { SCREENSHOTS } from '../support/builtApp';
import { createLoopDevices, run } from '../support/loopDevices';
import {
  callMain,
  downloadOf,
  htmlHasClass,
  importBlueprintConfig,
  waitForLanguage,
} from '../support/pageActions';
import { writePatternFile } from '../support/patternFile';
import { ensureBibStandin, ensureSourceImage, requirePodman } from '../support/podmanFixtures';
import { openRenderer, type RendererHarness } from '../support/rendererHarness';
import { MiB } from '../support/units';

/**
 * The tools (Settings, Verify, Profiles, History) as a person uses them, in the built renderer on
 * the real router, the real helper, real loop devices, real rootful podman and the stand-in bib.
 */

const DARK = 'pf-v6-theme-dark';
const CONFIG_TOML = [
  '[[customizations.user]]',
  'name = "ada"',
  'password = "profile secret 42"',
  'groups = ["wheel"]',
  '',
  '[customizations.kernel]',
  'append = "console=ttyS0"',
].join('\n');

const loops = createLoopDevices();
let harness: RendererHarness;
let page: Page;
let bib: string;
let outputRoot: string;

async function openTool(name: string) {
  await page
    .getByRole('navigation', { name: /Tools|도구/ })
    .getByRole('link', { name })
    .click();
  await page.getByRole('heading', { name, level: 2 }).waitFor();
}

const htmlIsDark = () => htmlHasClass(page, DARK);

beforeAll(async () => {
  await requirePodman();
  await mkdir(SCREENSHOTS, { recursive: true });
  bib = await ensureBibStandin('bib');
  outputRoot = await mkdtemp(join(tmpdir(), 'bootstick-e2e-tools-'));
  harness = await openRenderer();
  page = harness.page;
}, 300_000);

afterAll(async () => {
  await harness?.close();
  await loops.cleanup();
  if (outputRoot) await rm(outputRoot, { recursive: true, force: true });
});

describe('Settings', () => {
  it('refuses a bad bib image reference and a relative folder inline, saving nothing', async () => {
    await openTool('Settings');
    await page.getByLabel('bootc-image-builder image').fill('Not An Image!');
    await page.getByText('Not an image reference: expected something like').waitFor();
    await page.getByLabel('Build output folder').fill('builds/here');
    await page.getByText('Enter an absolute path, starting with /.').waitFor();
    expect(await page.getByRole('button', { name: 'Save settings' }).isDisabled()).toBe(true);
    // Main refuses it too, whatever a renderer sends.
    await expect(callMain(page, 'updateSettings', { bibImage: 'Not An Image!' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalidInput' },
    });
    // A well-formed name root does not list in /etc/bootstick/builders.conf: main refuses it too.
    const unlisted = await callMain(page, 'updateSettings', { bibImage: 'quay.io/someone/bib:latest' });
    expect(unlisted).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
    expect(JSON.stringify(unlisted)).toContain(
      'quay.io/someone/bib:latest is not a builder image this computer allows. Root lists them in /etc/bootstick/builders.conf',
    );
    expect(await callMain(page, 'getSettings', {})).toMatchObject({
      ok: true,
      value: { bibImage: 'quay.io/centos-bootc/bootc-image-builder:latest' },
    });
    await page.getByRole('button', { name: 'Undo changes' }).click();
    expect(await page.getByLabel('bootc-image-builder image').inputValue()).toBe(
      'quay.io/centos-bootc/bootc-image-builder:latest',
    );
  });

  it('saves every field, and they are still there after a reload', async () => {
    await page.getByLabel('bootc-image-builder image').fill(bib);
    await page.getByLabel('Build output folder').fill(outputRoot);
    await page.getByLabel('Large-drive warning above (GB)').fill('64');
    await page.getByText('Show virtual drives (loop devices)').click();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    expect(await page.getByTestId('bib-digest').textContent()).toContain('Not pinned yet');

    await page.reload();
    await openTool('Settings');
    expect(await page.getByLabel('bootc-image-builder image').inputValue()).toBe(bib);
    expect(await page.getByLabel('Build output folder').inputValue()).toBe(outputRoot);
    expect(await page.getByLabel('Large-drive warning above (GB)').inputValue()).toBe('64');
    expect(await page.getByLabel('Show virtual drives (loop devices)').isChecked()).toBe(true);
  });

  it('applies the dark theme when asked, and follows the system when told to', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await htmlIsDark()).toBe(false);
    await page.getByLabel('Theme').selectOption('dark');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(htmlIsDark).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Theme').selectOption('system');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    expect(await htmlIsDark()).toBe(false);
    // The desktop's preference changes while the app runs: the app follows it.
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(htmlIsDark).toBe(true);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(htmlIsDark).toBe(false);
  });
});

describe('Verify a drive', () => {
  it('says a drive holding the image matches, then names the first byte that differs', async () => {
    const image = join(await loops.tempDir(), 'verify.img');
    await writePatternFile(image, 8 * MiB);
    const drive = await loops.attach(16 * MiB, { name: 'verify-drive.img' });
    await run('dd', [`if=${image}`, `of=${drive.path}`, 'bs=1M', 'oflag=direct', 'status=none']);

    await openTool('Verify a drive');
    await page.getByLabel('Image file').fill(image);
    await page.locator(`#verify-drive option[value="${drive.path}"]`).waitFor({ state: 'attached' });
    await page.getByRole('combobox', { name: 'Drive', exact: true }).selectOption(drive.path);
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    const result = page.getByTestId('verify-result');
    await result.getByText(`${drive.path} holds exactly the image`).waitFor({ timeout: 30_000 });
    expect(await result.textContent()).toContain('8.4 MB compared');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const offset = 3 * MiB + 4321;
    const device = await open(drive.path, 'r+');
    const byte = Buffer.alloc(1);
    await device.read(byte, 0, 1, offset);
    await device.write(Buffer.from([byte.readUInt8(0) ^ 0xff]), 0, 1, offset);
    await device.sync();
    await device.close();

    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await result.getByText(`${drive.path} does not hold the image`).waitFor({ timeout: 30_000 });
    expect(await result.textContent()).toContain(
      `The first difference is at byte ${offset.toLocaleString('en')} (0x${offset.toString(16)}).`,
    );
    expect(await page.getByTestId('report-id').textContent()).toMatch(/Audit report \S+/);
  });
});

describe('Profiles', () => {
  it('saves the blueprint form as a profile and exports it as TOML with hashes only', async () => {
    await page.getByRole('link', { name: '2. Blueprint' }).click();
    await importBlueprintConfig(page, CONFIG_TOML);
    await page.getByText('Imported.').waitFor();

    await openTool('Profiles');
    await page.getByText('No profiles yet').waitFor();
    await page.getByLabel('Profile name').fill('field laptops');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Saved profile field laptops.').waitFor();
    const row = page.getByTestId('profile-row').filter({ hasText: 'field laptops' });
    await row.waitFor();

    const exported = await downloadOf(page, row.getByRole('button', { name: 'Export TOML' }));
    expect(exported.name).toBe('field laptops.toml');
    expect(exported.text).toContain('name = "ada"');
    expect(exported.text).toMatch(/password = "\$6\$/);
    expect(exported.text).not.toContain('profile secret 42');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'tools-profiles-saved-en.png'), fullPage: true });
  });

  it('loads a profile back into the form after the form changed', async () => {
    await page.getByRole('link', { name: '2. Blueprint' }).click();
    await page.getByLabel('Kernel arguments').fill('quiet');
    await page.getByLabel('User name').first().fill('someone-else');

    await openTool('Profiles');
    const row = page.getByTestId('profile-row').filter({ hasText: 'field laptops' });
    await row.getByRole('button', { name: 'Load into the form' }).click();
    await page.getByText('Profile field laptops is now in the Blueprint step.').waitFor();
    await page.getByRole('button', { name: 'Open the Blueprint step' }).click();
    await page.getByRole('heading', { name: 'Blueprint', level: 2 }).waitFor();
    expect(await page.getByLabel('User name').first().inputValue()).toBe('ada');
    expect(await page.getByLabel('Kernel arguments').inputValue()).toBe('console=ttyS0');
    await page.locator('#config-preview').getByText('password = "$6$').waitFor();
  });

  it('renames (refusing an unusable name inline) and deletes after asking', async () => {
    await openTool('Profiles');
    const row = page.getByTestId('profile-row').filter({ hasText: 'field laptops' });
    await row.getByRole('button', { name: 'Rename' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rename profile field laptops' });
    await dialog.getByLabel('New name').fill('lab/one');
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await dialog.getByText('A profile name cannot contain "/" or "\\".').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await dialog.getByLabel('New name').fill('lab machines');
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await page.getByText('Renamed field laptops to lab machines.').waitFor();
    expect(await page.getByTestId('profile-row').allTextContents()).toEqual([
      expect.stringContaining('lab machines'),
    ]);

    await page.getByTestId('profile-row').getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete profile lab machines?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByTestId('profile-row').count()).toBe(1);
    await page.getByTestId('profile-row').getByRole('button', { name: 'Delete' }).click();
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('Deleted profile lab machines.').waitFor();
    await page.getByText('No profiles yet').waitFor();
    await expect(callMain(page, 'listProfiles', {})).resolves.toEqual({ ok: true, value: [] });
  });
});

describe('History', () => {
  it('lists a successful and a failed build, with the failure in words and the whole log', async () => {
    const [good, failing] = await Promise.all([
      ensureSourceImage('bootc', { pace: 1 }),
      ensureSourceImage('fail-no-space', { pace: 1 }),
    ]);
    for (const [source, ending] of [
      [good, /Built .*image\/disk\.raw/],
      [failing, /The build failed: /],
    ] as const) {
      await page.getByRole('link', { name: '1. Image' }).click();
      await page.getByLabel('bootc image').fill(source);
      await page.getByRole('link', { name: '3. Build' }).click();
      await confirmBuildWithoutUpdates(page);
      await page.getByRole('button', { name: 'Build', exact: true }).click();
      await page.getByText(ending).first().waitFor({ timeout: 90_000 });
    }

    await openTool('History');
    const builds = page.getByTestId('build-record');
    await expect.poll(() => builds.count()).toBe(2);
    const failed = builds.filter({ hasText: 'Failed' });
    expect(await failed.textContent()).toContain(failing);
    expect(await failed.getByTestId('build-error').textContent()).toMatch(/space/i);
    const succeeded = builds.filter({ hasText: 'Succeeded' });
    expect(await succeeded.textContent()).toMatch(/Image made.*image\/disk\.raw/);
    expect(await succeeded.textContent()).toContain('Raw disk image (for a USB stick)');

    await failed.getByRole('button', { name: 'Show log' }).click();
    const log = page.getByRole('dialog').getByTestId('history-log');
    await log
      .getByText(/No space left on device/)
      .first()
      .waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: 'Close', exact: true }).last().click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    // The build pinned the bib image by digest: Settings says so.
    await openTool('Settings');
    expect(await page.getByTestId('bib-digest').textContent()).toMatch(
      /Pinned by digest.*: \S+@sha256:[0-9a-f]{64}/,
    );
  }, 240_000);

  it('lists the verify audit reports and exports one as JSON and as CSV', async () => {
    await openTool('History');
    const reports = page.getByTestId('audit-report');
    await expect.poll(() => reports.count()).toBe(2);
    const mismatch = reports.filter({ hasText: 'byte' }).first();
    expect(await mismatch.textContent()).toContain('Verify');
    const json = await downloadOf(page, mismatch.getByRole('button', { name: 'Export JSON' }));
    const report = JSON.parse(json.text);
    expect(json.name).toBe(`bootstick-${report.id}.json`);
    expect(report).toMatchObject({ kind: 'verify', drives: [{ status: 'failed' }] });
    expect(report.drives[0].error).toMatchObject({ code: 'verifyMismatch', offset: 3 * MiB + 4321 });
    const csv = await downloadOf(page, mismatch.getByRole('button', { name: 'Export CSV' }));
    expect(csv.name).toBe(`bootstick-${report.id}.csv`);
    expect(csv.text).toContain(report.image.sha256);
  });
});

describe('Every tool page, in both languages and both themes', () => {
  it('has no serious accessibility violation and is kept as a screenshot', async () => {
    const pages = [
      { en: 'Verify a drive', ko: '드라이브 검증', file: 'verify' },
      { en: 'Profiles', ko: '프로필', file: 'profiles' },
      { en: 'History', ko: '기록', file: 'history' },
      { en: 'Settings', ko: '설정', file: 'settings' },
    ];
    for (const language of ['en', 'ko'] as const) {
      await page.locator(`#language-${language}`).click();
      await waitForLanguage(page, language);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const tool of pages) {
          await openTool(tool[language]);
          await expect.poll(htmlIsDark).toBe(scheme === 'dark');
          expect(await seriousAccessibilityViolations(page), `${tool.file} ${language} ${scheme}`).toEqual(
            [],
          );
          const suffix = scheme === 'dark' ? `${language}-dark` : language;
          await page.screenshot({
            path: join(SCREENSHOTS, `tools-${tool.file}-${suffix}.png`),
            fullPage: true,
          });
        }
      }
    }
    await page.locator('#language-en').click();
    expect(harness.errors).toEqual([]);
  }, 120_000);
});
