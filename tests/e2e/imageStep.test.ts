import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileDialogPurpose } from '../../src/shared/fileDialog';
import { formatBytes } from '../../src/shared/format/formatBytes';
import { seriousAccessibilityViolations } from '../support/accessibility';
import { SCREENSHOTS } from '../support/builtApp';
import { ensureExampleBase, SLOW_STEP_MARKER } from '../support/exampleBase';
import { callMain, downloadOf, dropFile, htmlHasClass, waitForLanguage } from '../support/pageActions';
import { imageExists, podman } from '../support/podman';
import { ensureSourceImage, requirePodman } from '../support/podmanFixtures';
import { openRenderer, type RendererHarness } from '../support/rendererHarness';
import { MiB } from '../support/units';

/**
 * The Image step as a person uses it, in the built renderer on the real router, the real helper
 * and real rootful podman: images already in local storage, a disk image file by dialog and by
 * drag-and-drop, and the shipped example Containerfile built (and cancelled) with podman.
 */

const token = randomBytes(4).toString('hex');
const BOOTC = `localhost/bootstick-test/image-step-bootc-${token}:1`;
const PLAIN = `localhost/bootstick-test/image-step-plain-${token}:1`;
const BUILT_TAG = `localhost/bootstick-test/image-step-built-${token}:1`;
const CANCELLED_TAG = `localhost/bootstick-test/image-step-cancelled-${token}:1`;

let harness: RendererHarness;
let page: Page;
let files: string;
let slowBase: string;
let fastBase: string;
/** What the stubbed native dialog answers next, per purpose (main's dialog.showOpenDialog in the app). */
const dialogAnswers: { purpose: FileDialogPurpose; path: string | null }[] = [];
const dialogsOpened: FileDialogPurpose[] = [];
/** Image ids podman printed (`--> 1a2b3c…`): this file's build layers, removed at the end. */
const layerIds = new Set<string>();

const paths = () => ({
  gpt: join(files, 'disk.raw'),
  mbr: join(files, 'stick.img'),
  iso: join(files, 'installer.iso.xz'),
  text: join(files, 'notes.txt'),
  missing: join(files, 'gone.raw'),
});

async function writeDiskImages(): Promise<void> {
  const gpt = Buffer.alloc(4 * MiB);
  gpt.write('EFI PART', 512, 'latin1');
  await writeFile(paths().gpt, gpt);
  const mbr = Buffer.alloc(2 * MiB);
  mbr[510] = 0x55;
  mbr[511] = 0xaa;
  await writeFile(paths().mbr, mbr);
  // xz's magic, then anything: the format is read from the head, the content only while flashing.
  await writeFile(
    paths().iso,
    Buffer.concat([Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]), Buffer.alloc(4096)]),
  );
  await writeFile(paths().text, 'shopping list\n');
}

beforeAll(async () => {
  await requirePodman();
  await mkdir(SCREENSHOTS, { recursive: true });
  const [bootc, plain, slow, fast] = await Promise.all([
    ensureSourceImage('bootc'),
    ensureSourceImage('not-bootc'),
    ensureExampleBase('slow'),
    ensureExampleBase('fast'),
  ]);
  [slowBase, fastBase] = [slow, fast];
  await podman(['tag', bootc, BOOTC]);
  await podman(['tag', plain, PLAIN]);
  files = await mkdtemp(join(tmpdir(), 'bootstick-e2e-image-'));
  await writeDiskImages();
  harness = await openRenderer({
    chooseFile: async (purpose) => {
      dialogsOpened.push(purpose);
      const index = dialogAnswers.findIndex((answer) => answer.purpose === purpose);
      return index < 0 ? null : (dialogAnswers.splice(index, 1)[0]?.path ?? null);
    },
  });
  page = harness.page;
}, 300_000);

afterAll(async () => {
  await harness?.close();
  for (const ref of [BOOTC, PLAIN, BUILT_TAG, CANCELLED_TAG])
    await podman(['rmi', '--ignore', ref]).catch(() => {});
  for (const id of [...layerIds].reverse()) await podman(['rmi', '--ignore', id]).catch(() => {});
  if (files) await rm(files, { recursive: true, force: true });
});

const tab = (name: string) => page.getByRole('tab', { name });
const chosen = () => page.getByTestId('chosen-disk-image');

/** Drops a file on the drop zone, as a file manager would. */
const dropOnZone = (name: string, path: string | null) =>
  dropFile(page.getByTestId('disk-image-drop-zone'), name, path);

async function chooseByDialog(path: string): Promise<void> {
  dialogAnswers.push({ purpose: 'diskImage', path });
  await page.getByRole('button', { name: 'Choose a file…' }).click();
}

/**
 * The whole log so far, as "Save log" gives it (the view draws only the rows in sight);
 * remembers the layer ids podman printed for the clean-up.
 */
async function logLines(): Promise<string[]> {
  const { text } = await downloadOf(page, page.getByRole('button', { name: 'Save log' }));
  const lines = text.split('\n');
  for (const line of lines) {
    const id = /^--> (?:Using cache )?([a-f0-9]{11,64})$/.exec(line.trim())?.[1];
    if (id) layerIds.add(id);
  }
  return lines;
}

async function waitForLog(pattern: RegExp, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await logLines()).some((line) => pattern.test(line))) {
    if (Date.now() > deadline)
      throw new Error(`The log never showed ${pattern}: ${(await logLines()).slice(-20).join('\n')}`);
    await page.waitForTimeout(500);
  }
}

interface Listed {
  Id: string;
  Image: string;
  ImageID: string;
}
const buildContainers = async (): Promise<Listed[]> =>
  (
    JSON.parse((await podman(['ps', '--all', '--external', '--format', 'json'])).stdout || '[]') as Listed[]
  ).filter(
    (container) =>
      container.Image.includes('example-base') ||
      [...layerIds].some((id) => container.ImageID.startsWith(id)),
  );

describe('the Image step', () => {
  it('offers the images in local storage, marks which are bootc, and takes one as the reference', async () => {
    await page.getByRole('heading', { name: 'Image', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Show local images' }).click();
    const bootcRow = page.getByRole('listitem').filter({ hasText: BOOTC });
    const plainRow = page.getByRole('listitem').filter({ hasText: PLAIN });
    await bootcRow.waitFor({ timeout: 30_000 });
    expect(await bootcRow.getByText('bootc image', { exact: true }).count()).toBe(1);
    expect(await plainRow.getByText(/No bootc label/).count()).toBe(1);
    await page.getByRole('button', { name: `Use ${BOOTC}` }).click();
    expect(await page.getByLabel('bootc image').inputValue()).toBe(BOOTC);
    expect(await page.getByRole('button', { name: 'Next: blueprint' }).isEnabled()).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'image-local-en.png'), fullPage: true });
  });

  it('shows a disk image chosen in the dialog with its size and format, and goes straight to Flash with it', async () => {
    await tab('Disk image file').click();
    await chooseByDialog(paths().gpt);
    await page.getByText('Raw disk image with GPT partitions').waitFor();
    expect(dialogsOpened.at(-1)).toBe('diskImage');
    const facts = await chosen().textContent();
    expect(facts).toContain(paths().gpt);
    expect(facts).toContain(formatBytes(4 * MiB, 'en'));
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'image-disk-file-en.png'), fullPage: true });

    await page.getByRole('button', { name: 'Next: flash' }).click();
    await page.getByRole('heading', { name: 'Flash', level: 2 }).waitFor();
    expect(await page.locator('#image-path').inputValue()).toBe(paths().gpt);
    await page.getByText(/disk\.raw .*Raw disk image with GPT partitions/).waitFor();
  });

  it('refuses a file that is no disk image, and a missing one, where the person looks; nothing changes', async () => {
    await page.getByRole('link', { name: '1. Image' }).click();
    await chooseByDialog(paths().text);
    await page
      .getByText(`${paths().text} is not a disk image Bootstick can write`, { exact: false })
      .waitFor();
    expect(await chosen().textContent()).toContain(paths().gpt);

    await chooseByDialog(paths().missing);
    await page
      .getByText(`${paths().missing} does not exist or cannot be read. Nothing was changed.`)
      .waitFor();
    expect(await chosen().textContent()).toContain(paths().gpt);

    // A cancelled dialog changes nothing either.
    await page.getByRole('button', { name: 'Choose a file…' }).click();
    expect(await chosen().textContent()).toContain(paths().gpt);

    // Main still holds the first choice: the Flash step shows it, beside the last refusal.
    await page.getByRole('link', { name: '4. Flash' }).click();
    expect(await page.locator('#image-path').inputValue()).toBe(paths().gpt);
    await page.getByText(/disk\.raw .*Raw disk image with GPT partitions/).waitFor();
    await page.getByRole('link', { name: '1. Image' }).click();
  });

  it('takes a dropped disk image file, and refuses a drop that is no file on this computer', async () => {
    await dropOnZone('stick.img', paths().mbr);
    await page.getByText('Raw disk image with MBR partitions').waitFor();
    expect(await chosen().textContent()).toContain(formatBytes(2 * MiB, 'en'));

    await dropOnZone('installer.iso.xz', paths().iso);
    await page.getByText('ISO 9660 image (an installer), xz-compressed').waitFor();

    await dropOnZone('made-up.raw', null);
    await page.getByText('That is not a file from this computer.', { exact: false }).waitFor();
    expect(await chosen().textContent()).toContain(paths().iso);

    await page.getByRole('button', { name: 'Next: flash' }).click();
    await page.getByRole('heading', { name: 'Flash', level: 2 }).waitFor();
    expect(await page.locator('#image-path').inputValue()).toBe(paths().iso);
    await page.getByRole('link', { name: '1. Image' }).click();
  });

  it('fills the Containerfile build from the gallery example, streams its log, and cancels it leaving nothing', async () => {
    await tab('Build from a Containerfile').click();
    await page.getByRole('button', { name: 'Use this example: Tailscale' }).click();
    const context = page.getByLabel('Build folder');
    await expect.poll(() => context.inputValue()).toBe(join(harness.dataDir, 'examples/tailscale'));
    expect(await page.getByLabel('Name of the built image').inputValue()).toBe(
      'localhost/tailscale-bootc:latest',
    );
    const args = page.getByLabel('Build arguments');
    expect(await args.inputValue()).toContain('BASE_IMAGE=quay.io/centos-bootc/centos-bootc:stream9');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'image-containerfile-en.png'), fullPage: true });

    // No registry here: the stand-in base replaces CentOS (the example's own BASE_IMAGE argument).
    await page.getByLabel('Name of the built image').fill(CANCELLED_TAG);
    await args.fill((await args.inputValue()).replace(/^BASE_IMAGE=.*$/m, `BASE_IMAGE=${slowBase}`));
    await page.getByRole('button', { name: 'Build image' }).click();
    await waitForLog(new RegExp(SLOW_STEP_MARKER));
    await waitForLog(/^STEP \d+\/\d+: RUN curl/);
    expect((await buildContainers()).length).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Cancel build' }).click();
    await page.getByText('The build was cancelled. Nothing was kept.').waitFor({ timeout: 15_000 });
    await logLines();
    expect(await buildContainers()).toEqual([]);
    expect(await imageExists(CANCELLED_TAG)).toBe(false);
    expect(await page.getByLabel('bootc image', { exact: true }).count()).toBe(0);
  }, 120_000);

  it('builds the example for real and makes the built image the reference, ready for the Blueprint step', async () => {
    const args = page.getByLabel('Build arguments');
    await page.getByLabel('Name of the built image').fill(BUILT_TAG);
    await args.fill((await args.inputValue()).replace(/^BASE_IMAGE=.*$/m, `BASE_IMAGE=${fastBase}`));
    await page.getByRole('button', { name: 'Build image' }).click();
    await page.getByText(`Built ${BUILT_TAG}: it is now the bootc image the wizard builds from.`).waitFor({
      timeout: 90_000,
    });
    await waitForLog(/stand-in bootc: container lint/);
    expect(await imageExists(BUILT_TAG)).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'image-built-en.png'), fullPage: true });

    await tab('Image reference').click();
    expect(await page.getByLabel('bootc image').inputValue()).toBe(BUILT_TAG);
    // The list was refreshed: the new image is there, as a bootc image.
    await page
      .getByRole('listitem')
      .filter({ hasText: BUILT_TAG })
      .getByText('bootc image', { exact: true })
      .waitFor();
    await tab('Build from a Containerfile').click();
    await page.getByRole('button', { name: 'Next: blueprint' }).click();
    await page.getByRole('heading', { name: 'Blueprint', level: 2 }).waitFor();
    await page.getByRole('link', { name: '1. Image' }).click();
  }, 120_000);

  it('has nothing serious for axe in the dark theme, and speaks Korean (screenshots)', async () => {
    await callMain(page, 'updateSettings', { theme: 'dark' });
    await expect.poll(() => htmlHasClass(page, 'pf-v6-theme-dark')).toBe(true);
    for (const name of ['Image reference', 'Build from a Containerfile', 'Disk image file']) {
      await tab(name).click();
      expect(await seriousAccessibilityViolations(page), name).toEqual([]);
    }
    await page.screenshot({ path: join(SCREENSHOTS, 'image-disk-file-dark-en.png'), fullPage: true });
    await callMain(page, 'updateSettings', { theme: 'light', language: 'ko' });
    await waitForLanguage(page, 'ko');
    await tab('디스크 이미지 파일').click();
    await page
      .getByText('GPT 파티션이 있는 raw 디스크 이미지', { exact: false })
      .or(page.getByText('ISO 9660 이미지'))
      .first()
      .waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'image-disk-file-ko.png'), fullPage: true });
    await tab('Containerfile로 빌드').click();
    await page.getByRole('button', { name: '이 예제 사용: Tailscale(테일스케일)' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'image-containerfile-ko.png'), fullPage: true });
    await tab('이미지 참조').click();
    await page.getByRole('button', { name: '목록 새로 고침' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'image-local-ko.png'), fullPage: true });
    await callMain(page, 'updateSettings', { language: 'en' });
    expect(harness.errors).toEqual([]);
  });
});
