import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { animationsSettled, seriousAccessibilityViolations } from '../support/accessibility';
import { SCREENSHOTS } from '../support/builtApp';
import { chooseImageFile, driveCard, nextFlashFinished, tabTo } from '../support/flashPage';
import { findingsInBothThemes, screenshotInBothLanguages } from '../support/looks';
import { createLoopDevices, type LoopDevice } from '../support/loopDevices';
import { callMain, dropFile } from '../support/pageActions';
import { sha256Of, writePatternFile } from '../support/patternFile';
import { openRenderer, type RendererHarness } from '../support/rendererHarness';
import { slowDownDrive } from '../support/slowDrive';
import { MiB } from '../support/units';

/**
 * Issue 19's short way: from app start to "flashing" for a disk image file, counted in actions (a
 * click or key press that changes something; Tab moves focus and changes nothing). Designed for
 * Etcher's three (image, drive, Flash) plus the one confirmation Bootstick always asks: 4.
 * Loop drives stand in for sticks, so virtual drives are shown from the start (settings.json).
 */
const DESIGNED_ACTIONS = 4;

const loops = createLoopDevices();
const dataDirs: string[] = [];
let image: string;
let sha: string;

/** A data folder as a first start leaves it, but for virtual drives shown (settings.json). */
async function newDataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bootstick-e2e-fast-'));
  dataDirs.push(dir);
  await writeFile(join(dir, 'settings.json'), JSON.stringify({ showVirtualDrives: true }));
  return dir;
}

/** The app started on `dataDir` (a new one by default), its file dialog answering `image`. */
async function freshApp(dataDir?: string): Promise<RendererHarness> {
  return openRenderer({
    dataDir: dataDir ?? (await newDataDir()),
    chooseFile: async (purpose) => (purpose === 'diskImage' ? image : null),
  });
}

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  image = join(await loops.tempDir(), 'stick.img');
  sha = await writePatternFile(image, 12 * MiB);
});

afterAll(async () => {
  await loops.cleanup();
  for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
});

/** Waits until the drive's card is offered, then returns it. */
async function driveCardOf(page: Page, drive: LoopDevice): Promise<Locator> {
  const card = driveCard(page, drive.path);
  await card.waitFor({ timeout: 15_000 });
  return card;
}

/** From the Flash step: the file, the drive, Flash, confirm (the person's way, by mouse). */
async function flashFrom(page: Page, file: string, drive: LoopDevice): Promise<void> {
  await page.getByRole('link', { name: '4. Flash' }).click();
  await chooseImageFile(page, file);
  await (await driveCardOf(page, drive)).click();
  await page.getByRole('button', { name: 'Flash 1 drive' }).click();
  await page
    .getByRole('dialog', { name: 'Erase these drives?' })
    .getByRole('button', { name: 'Erase and flash' })
    .click();
}

async function flashingStarted(page: Page, drive: LoopDevice): Promise<void> {
  await page.getByTestId('report-id').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('drive-result').allTextContents()).toEqual([
    'Verified: the drive holds exactly the image',
  ]);
  expect(await sha256Of(drive.path, 12 * MiB)).toBe(sha);
}

describe('flashing a disk image file from app start', () => {
  it(`takes ${DESIGNED_ACTIONS} clicks: choose the file, the drive, Flash, confirm`, async () => {
    const drive = await loops.attach(16 * MiB, { name: 'mouse.img' });
    const harness = await freshApp();
    const { page } = harness;
    try {
      let actions = 0;
      const act = async (target: { click(): Promise<void> }) => {
        actions += 1;
        await target.click();
      };
      await page.getByTestId('flash-file-start').waitFor();
      expect(await findingsInBothThemes(page, 'first screen')).toEqual([]);
      await screenshotInBothLanguages(page, 'fast-start');
      await act(page.getByRole('button', { name: 'Choose a disk image file…' }));
      await page.getByRole('heading', { name: 'Flash', level: 2 }).waitFor();
      await act(await driveCardOf(page, drive));
      await act(page.getByRole('button', { name: 'Flash 1 drive' }));
      const dialog = page.getByRole('dialog', { name: 'Erase these drives?' });
      await dialog.waitFor();
      // The page behind the question is dimmed (once the backdrop has faded in).
      await animationsSettled(page);
      const backdrop = await page.locator('.pf-v6-c-backdrop').evaluate((node) => {
        const view = node.ownerDocument.defaultView as never as {
          getComputedStyle(n: unknown): { backgroundColor: string; opacity: string };
          innerWidth: number;
          innerHeight: number;
        };
        const style = view.getComputedStyle(node);
        const box = (
          node as never as { getBoundingClientRect(): { width: number; height: number } }
        ).getBoundingClientRect();
        return {
          alpha: Number(/rgba?\([^)]*[,/]\s*([\d.]+)\)/.exec(style.backgroundColor)?.[1] ?? 1),
          opacity: Number(style.opacity),
          covers: box.width >= view.innerWidth && box.height >= view.innerHeight,
        };
      });
      expect(backdrop.alpha * backdrop.opacity).toBeGreaterThanOrEqual(0.6);
      expect(backdrop.covers).toBe(true);
      expect(await findingsInBothThemes(page, 'confirmation')).toEqual([]);
      await screenshotInBothLanguages(page, 'fast-confirm');
      await act(dialog.getByRole('button', { name: 'Erase and flash' }));
      await flashingStarted(page, drive);
      console.log(`actions from app start to flashing a disk image file (mouse): ${actions}`);
      expect(actions).toBe(DESIGNED_ACTIONS);
    } finally {
      await harness.close();
    }
  });

  it(`takes ${DESIGNED_ACTIONS} key presses that change something, by keyboard alone`, async () => {
    const drive = await loops.attach(16 * MiB, { name: 'keys.img' });
    const harness = await freshApp();
    const { page } = harness;
    try {
      let actions = 0;
      /** Tab to `target` (moving focus changes nothing), then press `key` on it: one action. */
      const press = async (target: Locator, key: 'Enter' | 'Space') => {
        await tabTo(page, target);
        actions += 1;
        await page.keyboard.press(key);
      };
      await page.getByTestId('flash-file-start').waitFor();
      await press(page.getByRole('button', { name: 'Choose a disk image file…' }), 'Enter');
      await page.getByRole('heading', { name: 'Flash', level: 2 }).waitFor();
      await (await driveCardOf(page, drive)).waitFor();
      await press(driveCard(page, drive.path).getByRole('checkbox'), 'Space');
      await press(page.getByRole('button', { name: 'Flash 1 drive' }), 'Enter');
      const dialog = page.getByRole('dialog', { name: 'Erase these drives?' });
      await dialog.waitFor();
      await press(dialog.getByRole('button', { name: 'Erase and flash' }), 'Enter');
      await flashingStarted(page, drive);
      console.log(`actions from app start to flashing a disk image file (keyboard): ${actions}`);
      expect(actions).toBe(DESIGNED_ACTIONS);
    } finally {
      await harness.close();
    }
  });

  it('offers a file flashed before on the first screen, and one click takes it to the drives', async () => {
    const drive = await loops.attach(16 * MiB, { name: 'earlier.img' });
    const dataDir = await newDataDir();
    const earlier = await freshApp(dataDir);
    try {
      const finished = nextFlashFinished(earlier.page);
      await callMain(earlier.page, 'startFlash', {
        image,
        drives: [drive.path],
        verify: false,
        full: false,
        eject: false,
      });
      await finished;
    } finally {
      await earlier.close();
    }
    const harness = await freshApp(dataDir);
    const { page } = harness;
    try {
      const recent = page.getByRole('button', { name: `Flash ${image}` });
      await recent.waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await recent.click();
      await page.getByRole('heading', { name: 'Flash', level: 2 }).waitFor();
      expect(await page.locator('#image-path').inputValue()).toBe(image);
    } finally {
      await harness.close();
    }
  });

  it('draws each drive’s speed while it writes and verifies, and keeps the graph with the result', async () => {
    // A loop drive writes at page-cache speed and is done before a person (or a poll) sees it
    // going; capped by the kernel to stick speeds, writing takes ~4 s and verifying ~2 s, so
    // the helper reports progress (every 250 ms) many times in each phase.
    const big = join(await loops.tempDir(), 'big.img');
    await writePatternFile(big, 32 * MiB);
    const drive = await loops.attach(40 * MiB, { name: 'speed.img' });
    const slow = await slowDownDrive(drive.path, {
      writeBytesPerSecond: 8 * MiB,
      readBytesPerSecond: 16 * MiB,
    });
    const harness = await freshApp();
    const { page } = harness;
    try {
      await flashFrom(page, big, drive);
      const writing = page.getByTestId('total-speed');
      await writing.waitFor({ timeout: 30_000 });
      expect(await writing.textContent()).toMatch(/^All drives together: [\d.]+ [kMG]B\/s$/);
      const graph = page.getByTestId('speed-sparkline');
      await graph.waitFor({ timeout: 30_000 });
      await page.getByTestId('report-id').waitFor({ timeout: 120_000 });
      expect(await writing.count()).toBe(0);
      expect(await graph.getAttribute('aria-label')).toMatch(/^Speed over time, at most [\d.]+ [kMG]B\/s$/);
      expect(
        ((await graph.locator('polyline').getAttribute('points')) ?? '').split(' ').length,
      ).toBeGreaterThan(2);
      expect(await page.getByTestId('drive-tempo').count()).toBe(0);
      expect(await findingsInBothThemes(page, 'speed graph')).toEqual([]);
      await screenshotInBothLanguages(page, 'flash-speed');
    } finally {
      await harness.close();
      await slow.undo();
    }
  }, 180_000);

  it('marks a drive writing under 1 MiB/s as slow while it writes, and a cancel ends it', async () => {
    // A stick that slow is real (worn or fake flash); the kernel's throttle makes a loop drive one.
    const drive = await loops.attach(16 * MiB, { name: 'slow.img' });
    const slow = await slowDownDrive(drive.path, {
      writeBytesPerSecond: 256 * 1024,
      readBytesPerSecond: 256 * 1024,
    });
    const harness = await freshApp();
    const { page } = harness;
    try {
      await flashFrom(page, image, drive);
      const tempo = page.getByTestId('drive-tempo');
      await tempo.waitFor({ timeout: 30_000 });
      expect(await tempo.getAttribute('data-tempo')).toBe('slow');
      expect(await tempo.textContent()).toBe('Slow: under 1 MiB/s');
      expect(await findingsInBothThemes(page, 'slow drive')).toEqual([]);
      await screenshotInBothLanguages(page, 'flash-slow-drive');
      await page.getByRole('button', { name: `Cancel ${drive.path}` }).click();
      await page.getByTestId('report-id').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('drive-result').allTextContents()).toEqual(['Cancelled']);
      expect(await tempo.count()).toBe(0);
    } finally {
      await harness.close();
      await slow.undo();
    }
  }, 120_000);

  it('takes a file dropped anywhere on the window to Flash, and refuses a non-image where it was dropped', async () => {
    const harness = await freshApp();
    const { page } = harness;
    const text = join(await loops.tempDir(), 'notes.txt');
    await writeFile(text, 'shopping list\n');
    const dropOnWindow = (name: string, path: string) => dropFile(page.locator('main'), name, path);
    try {
      await page.getByRole('link', { name: 'History' }).click();
      await dropOnWindow('notes.txt', text);
      const refusal = page.getByTestId('window-drop-refusal');
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain(`${text} is not a disk image Bootstick can write`);
      expect(await page.getByRole('heading', { name: 'History', level: 2 }).count()).toBe(1);
      expect(await findingsInBothThemes(page, 'refused drop')).toEqual([]);
      await screenshotInBothLanguages(page, 'fast-drop-refused');
      await refusal.getByRole('button', { name: /Close/ }).click();

      await dropOnWindow('stick.img', image);
      await page.getByRole('heading', { name: 'Flash', level: 2 }).waitFor();
      expect(await page.locator('#image-path').inputValue()).toBe(image);
    } finally {
      await harness.close();
    }
  });
});
