import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS } from '../support/builtApp';
import { driveCard, flashChosenDrives, openFlashStep } from '../support/flashPage';
import { type LocalRegistry, requireRegistry, startRegistry } from '../support/localRegistry';
import { findingsInBothThemes, screenshotInBothLanguages } from '../support/looks';
import { createLoopDevices } from '../support/loopDevices';
import { callMain } from '../support/pageActions';
import { podman } from '../support/podman';
import { ensureBibStandin, requirePodman } from '../support/podmanFixtures';
import { openRenderer, type RendererHarness } from '../support/rendererHarness';
import { MiB } from '../support/units';
import { buildUpdateImages, type UpdateImages } from '../support/updateImages';

/**
 * The seed's whole update loop in the real renderer: v1 is built with "updates from" the registry's
 * stable tag and flashed to a stick (a loop drive), v1 is published as stable, v2 (v1 plus one RUN)
 * is compared with what the stick runs — one new layer — and published; First boot then shows what
 * `bootc upgrade` on that stick will fetch. Real helper, podman, stand-in bib, registry, etcher-sdk.
 */

const id = randomBytes(4).toString('hex');
const loops = createLoopDevices();
let registry: LocalRegistry;
let images: UpdateImages;
let harness: RendererHarness;
let page: Page;
let scratch: string;
const repo = () => `${registry.host}/bootstick-test/journey-${id}`;

beforeAll(async () => {
  await requirePodman();
  await requireRegistry();
  await mkdir(SCREENSHOTS, { recursive: true });
  scratch = await mkdtemp(join(tmpdir(), 'bootstick-e2e-update-journey-'));
  let bib: string;
  [registry, images, bib] = await Promise.all([
    startRegistry(),
    buildUpdateImages(),
    ensureBibStandin('bib'),
  ]);
  // Set after the registry started (it reads REGISTRY_* variables as its own configuration).
  await writeFile(join(scratch, 'no-logins.json'), '{"auths":{}}');
  process.env.REGISTRY_AUTH_FILE = join(scratch, 'no-logins.json');
  harness = await openRenderer();
  page = harness.page;
  const set = await callMain(page, 'updateSettings', { bibImage: bib, buildOutputDir: scratch });
  if (!set.ok) throw new Error(`The stand-in bib could not be chosen: ${set.error.message}`);
}, 600_000);

afterAll(async () => {
  await harness?.close();
  await loops.cleanup();
  await podman(['rmi', '--ignore', `${repo()}:stable`]).catch(() => {});
  await images?.remove();
  await registry?.stop();
  delete process.env.REGISTRY_AUTH_FILE;
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

async function openTool(name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Tools' }).getByRole('link', { name }).click();
  await page.getByRole('heading', { name, level: 2 }).waitFor();
}

async function pushVersion(image: string, version: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Image in root’s storage' }).fill(image);
  await page.getByRole('textbox', { name: 'Version reference' }).fill(`${repo()}:${version}`);
  await page.getByRole('textbox', { name: 'Moving tag' }).fill('stable');
  await page.getByRole('button', { name: 'Push', exact: true }).click();
  await page
    .getByTestId('push-outcome')
    .getByText(`stable now points at ${repo()}:${version}.`)
    .waitFor({ timeout: 120_000 });
}

describe('v1 → stick → v2 → what the stick will download → push', () => {
  it('builds v1 to follow the registry’s stable and flashes it to a stick', async () => {
    await page.getByLabel('bootc image').fill(images.v1);
    await page.getByRole('link', { name: '3. Build' }).click();
    await page.getByLabel('Updates from').fill(`${repo()}:stable`);
    await page.getByRole('button', { name: 'Build', exact: true }).click();
    const ended = page.getByText(/Built .*image\/disk\.raw|The build failed|The build did not start/);
    await ended.first().waitFor({ timeout: 120_000 });
    const builds = await callMain(page, 'listBuilds', {});
    if (!builds.ok) throw new Error(builds.error.message);
    const built = builds.value[0];
    // A failure says what bib or the helper said, not only the summary line.
    expect(await ended.first().textContent(), JSON.stringify(built?.error)).toMatch(/Built /);
    expect(built?.request.sourceImage).toBe(`${repo()}:stable`);

    const stick = await loops.attach(Math.ceil((built?.artifactBytes ?? 0) / MiB + 16) * MiB, {
      name: 'v1-stick.img',
    });
    await page.getByRole('button', { name: 'Flash this image' }).click();
    await openFlashStep(page);
    await driveCard(page, stick.path).click();
    await flashChosenDrives(page, 'Flash 1 drive');
    await page.getByTestId('report-id').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('drive-result').allTextContents()).toEqual([
      'Verified: the drive holds exactly the image',
    ]);
  }, 300_000);

  it('publishes v1 as stable, then shows what the stick will download for v2 and publishes it', async () => {
    await openTool('Update');
    // What the stick runs is what this job's build tracks, offered as the "from" side.
    expect(await page.getByRole('textbox', { name: 'What the hosts run' }).inputValue()).toBe(
      `${repo()}:stable`,
    );
    await page.getByLabel('The registry is a local one without TLS verification').check();
    await pushVersion(images.v1, '1');
    await page.getByRole('textbox', { name: 'What the hosts run' }).fill(`${repo()}:stable`);
    await page.getByRole('textbox', { name: 'The new version' }).fill(`containers-storage:${images.v2}`);
    await page.getByRole('button', { name: 'Compare' }).click();
    const summary = page.getByTestId('update-summary');
    await summary.waitFor({ timeout: 60_000 });
    expect(await summary.textContent()).toMatch(/^1 of \d+ layers, at most /);
    await pushVersion(images.v2, '2');
    // Compared again against the registry's own copy: the sizes hosts really download.
    await page.getByRole('textbox', { name: 'What the hosts run' }).fill(`docker://${repo()}:1`);
    await page.getByRole('textbox', { name: 'The new version' }).fill(`docker://${repo()}:2`);
    await page.getByRole('button', { name: 'Compare' }).click();
    await expect
      .poll(() => summary.textContent(), { timeout: 60_000 })
      .toMatch(/^1 of \d+ layers, .+ will be downloaded\.$/);
  }, 300_000);

  it('First boot shows the stick’s reference and, next to the bootc commands, what upgrading fetches', async () => {
    await page.getByRole('link', { name: '5. First boot' }).click();
    await page.getByText(`Updates come from ${repo()}:stable`).waitFor();
    const known = page.getByTestId('known-update');
    await known.getByText(`A newer version is known: ${repo()}:2.`).waitFor();
    expect(await known.textContent()).toMatch(/1 of \d+ layers, .+ will be downloaded\./);
    expect(await findingsInBothThemes(page, 'first boot, newer version known')).toEqual([]);
    await screenshotInBothLanguages(page, 'update-journey-first-boot');
    expect(harness.errors).toEqual([]);
  });
});
