import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS } from '../support/builtApp';
import { findingsInBothThemes, screenshotInBothLanguages } from '../support/looks';
import { callMain, unchecked } from '../support/pageActions';
import { imageExists, podman } from '../support/podman';
import { ensureBibStandin, ensureSourceImage, requirePodman } from '../support/podmanFixtures';
import { openRenderer, type RendererHarness } from '../support/rendererHarness';

/**
 * The Build step's "updates from", as a person meets it: a build from localhost/… warns (in the
 * CLI's words) that its installed system could never update, and starts only once confirmed; a
 * reference hosts could not follow is refused next to the field; a good one is tagged onto the
 * image in root's storage, bib builds from it, First boot shows it as what the stick tracks, and
 * a profile remembers it. Real router, real helper, real rootful podman, the stand-in bib.
 */

const run = randomBytes(4).toString('hex');
/** Only tagged (nothing is pushed), so no registry has to listen on this port. */
const TRACKED = `127.0.0.1:5999/bootstick-test/stick-os-${run}:stable`;
let harness: RendererHarness;
let page: Page;
let outputRoot: string;
let source: string;

beforeAll(async () => {
  await requirePodman();
  await mkdir(SCREENSHOTS, { recursive: true });
  const [bib, bootc] = await Promise.all([ensureBibStandin('bib'), ensureSourceImage('bootc', { pace: 1 })]);
  source = bootc;
  outputRoot = await mkdtemp(join(tmpdir(), 'bootstick-e2e-updates-from-'));
  harness = await openRenderer();
  page = harness.page;
  await callMain(page, 'updateSettings', { bibImage: bib, buildOutputDir: outputRoot });
}, 300_000);

afterAll(async () => {
  await harness?.close();
  await podman(['rmi', '--ignore', TRACKED]).catch(() => {});
  if (outputRoot) await rm(outputRoot, { recursive: true, force: true });
});

const buildButton = () => page.getByRole('button', { name: 'Build', exact: true });
const updatesFrom = () => page.getByLabel('Updates from');
const warning = () => page.getByTestId('build-untrackable-warning');

async function openBuildStep(image: string): Promise<void> {
  await page.getByRole('link', { name: '1. Image' }).click();
  await page.getByLabel('bootc image').fill(image);
  await page.getByRole('link', { name: '3. Build' }).click();
  await page.getByRole('heading', { name: 'Build', level: 2 }).waitFor();
}

describe('the Build step’s “updates from”', () => {
  it('warns before a localhost build without it, and builds only once the person confirms', async () => {
    await openBuildStep(source);
    await warning()
      .getByText(
        `The installed system will track ${source}, which no host can update from (\`bootc upgrade\` would ask https://localhost/).`,
      )
      .waitFor();
    expect(await buildButton().isDisabled()).toBe(true);
    expect(await findingsInBothThemes(page, 'build step, local source warning')).toEqual([]);
    await screenshotInBothLanguages(page, 'build-updates-from-warning');
    const confirm = page.getByRole('checkbox', { name: 'Build anyway, without updates' });
    await confirm.check();
    expect(await buildButton().isEnabled()).toBe(true);
    await confirm.uncheck();
    expect(await buildButton().isDisabled()).toBe(true);
  });

  it.each([
    ['a localhost name', 'localhost/org/os:stable'],
    ['a name without a tag', '127.0.0.1:5000/org/os'],
    ['a digest', `quay.io/org/os@sha256:${'a'.repeat(64)}`],
    ['words', 'my registry'],
  ])('refuses %s next to the field, and Build stays off', async (_, ref) => {
    await updatesFrom().fill(ref);
    await page
      .locator('#build-updates-from-helper')
      .getByText(`“${ref}” is not a registry reference hosts could update from`)
      .waitFor();
    expect(await updatesFrom().getAttribute('aria-invalid')).toBe('true');
    expect(await buildButton().isDisabled()).toBe(true);
  });

  it('is refused by main too when a renderer sends a reference hosts could not follow', async () => {
    const answer = await callMain(
      page,
      'startDiskImageBuild',
      unchecked({ sourceImage: source, type: 'raw', config: {}, updatesFrom: 'localhost/os:1' }),
    );
    expect(answer.ok).toBe(false);
    expect(JSON.stringify(answer)).toContain(
      'An “updates from” reference is a registry reference with a tag',
    );
  });

  it('says in words when the image to tag is not in root’s storage, building nothing', async () => {
    const missing = `localhost/bootstick-test/not-there-${run}:1`;
    await openBuildStep(missing);
    await updatesFrom().fill(TRACKED);
    await buildButton().click();
    await page.getByText(`${missing} is not in root's image storage.`).waitFor({ timeout: 30_000 });
    expect(await imageExists(TRACKED)).toBe(false);
  });

  it('tags the image with it, builds from that name, and First boot shows what the stick tracks', async () => {
    await openBuildStep(source);
    await updatesFrom().fill(TRACKED);
    expect(await warning().count()).toBe(0);
    await page
      .locator('#build-updates-from-helper')
      .getByText('The registry reference the installed system follows')
      .waitFor();
    await buildButton().click();
    await page.getByText(/Built .*image\/disk\.raw/).waitFor({ timeout: 90_000 });
    expect(await imageExists(TRACKED)).toBe(true);
    const builds = await callMain(page, 'listBuilds', {});
    if (!builds.ok) throw new Error(builds.error.message);
    expect(builds.value[0]?.request.sourceImage).toBe(TRACKED);

    await page.getByRole('link', { name: '5. First boot' }).click();
    await page.getByText(`Updates come from ${TRACKED}`).waitFor();
    expect(await page.getByTestId('first-boot-cannot-update').count()).toBe(0);
    const commands = await page
      .locator('.bootstick-first-boot input[readonly]')
      .evaluateAll((inputs) => inputs.map((input) => (input as unknown as { value: string }).value));
    expect(commands).toContain(`sudo bootc switch ${TRACKED}`);
  }, 120_000);

  it('is remembered with the profile and comes back when the profile is loaded', async () => {
    const tools = page.getByRole('navigation', { name: 'Tools' });
    await tools.getByRole('link', { name: 'Profiles' }).click();
    await page.getByLabel('Profile name').fill(`tracked ${run}`);
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText(`Saved profile tracked ${run}.`).waitFor();
    const saved = await callMain(page, 'getProfile', { name: `tracked ${run}` });
    expect(saved.ok && saved.value?.updatesFrom).toBe(TRACKED);

    await openBuildStep(source);
    await updatesFrom().fill('');
    await warning().waitFor();
    await tools.getByRole('link', { name: 'Profiles' }).click();
    await page
      .getByTestId('profile-row')
      .filter({ hasText: `tracked ${run}` })
      .getByRole('button', { name: 'Load into the form' })
      .click();
    await page.getByRole('link', { name: '3. Build' }).click();
    expect(await updatesFrom().inputValue()).toBe(TRACKED);
    expect(await warning().count()).toBe(0);
    expect(harness.errors).toEqual([]);
  });
});
