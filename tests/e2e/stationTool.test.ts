import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations } from '../support/accessibility';
import { requireBuild, SCREENSHOTS } from '../support/builtApp';
import { findingsInBothThemes, screenshotInBothLanguages } from '../support/looks';
import { createLoopDevices, requireRoot, run } from '../support/loopDevices';
import { callMain, downloadOf, waitForLanguage } from '../support/pageActions';
import { sha256Of, writePatternFile } from '../support/patternFile';
import { openRenderer, type RendererHarness } from '../support/rendererHarness';
import { MiB } from '../support/units';

/**
 * The Station tool as a technician uses it, by keyboard, in the built renderer on the real
 * router, the real helper and real loop drives (a loop drive's backing file is its port, because
 * "Show virtual drives" is on): learn two ports from the sticks in them, name and arm them, pull
 * one stick and put it back, and watch the grid say it is done.
 */

const loops = createLoopDevices();
let harness: RendererHarness;
let page: Page;

beforeAll(async () => {
  requireRoot();
  requireBuild();
  await mkdir(SCREENSHOTS, { recursive: true });
  harness = await openRenderer();
  page = harness.page;
});

afterAll(async () => {
  if (page) await callMain(page, 'disarmStation', {}).catch(() => {});
  await harness?.close();
  await loops.cleanup();
});

const slotCard = (name: string) =>
  page.locator('.station-slot').filter({ has: page.getByRole('heading', { name }) });

describe('Station tool', () => {
  it('arms named ports by keyboard, leaves sticks already there alone, and writes a stick put in', async () => {
    const dir = await loops.tempDir();
    const image = join(dir, 'station.img');
    const sha = await writePatternFile(image, 8 * MiB);
    const fileA = await loops.createBackingFile(32 * MiB, { dir, name: 'port-a.img' });
    const fileB = await loops.createBackingFile(32 * MiB, { dir, name: 'port-b.img' });
    await writePatternFile(fileB, 32 * MiB);
    const first = await loops.attachFile(fileA);
    const stickB = await loops.attachFile(fileB);
    const beforeB = await sha256Of(stickB.path, 32 * MiB);
    await callMain(page, 'updateSettings', { showVirtualDrives: true });

    await page.getByRole('navigation', { name: 'Tools' }).getByRole('link', { name: 'Station' }).click();
    await page.getByRole('heading', { name: 'Station', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Look again' }).click();
    const armA = page.getByLabel(`Arm loop:${fileA}`);
    await armA.waitFor();
    await armA.focus();
    await page.keyboard.press('Space');
    await page.getByLabel(`Arm loop:${fileB}`).focus();
    await page.keyboard.press('Space');
    await page.getByLabel(`Name for loop:${fileA}`).fill('hub A, 1');
    await page.getByLabel(`Name for loop:${fileB}`).fill('hub A, 2');
    await page.getByLabel('Image file').fill(image);
    await page.getByLabel('Image file').press('Enter');

    await slotCard('hub A, 2').getByText('It was already there when the station was armed').waitFor();
    await slotCard('hub A, 1').getByText('It was already there when the station was armed').waitFor();
    // The sound on (it may be turned on while armed): what the page asks the speakers to play is kept.
    await page.evaluate(() => {
      const target = globalThis as unknown as {
        __tones: number[];
        AudioContext: { prototype: { createOscillator(): { frequency: { value: number } } } };
      };
      target.__tones = [];
      const create = target.AudioContext.prototype.createOscillator;
      target.AudioContext.prototype.createOscillator = function (this: unknown) {
        const oscillator = create.call(this);
        // The frequency is set after creation: read it once the tone has been scheduled.
        queueMicrotask(() => target.__tones.push(oscillator.frequency.value));
        return oscillator;
      };
    });
    await page.getByLabel('Sound a tone when a stick is done (rising) or failed (falling)').focus();
    await page.keyboard.press('Space');
    // The stick is pulled and put back: now it is a new stick in an armed port.
    await loops.detach(first.path);
    await slotCard('hub A, 1').getByText('Waiting for a stick').waitFor();
    const again = await loops.attachFile(fileA);
    await slotCard('hub A, 1').getByText('Done: remove it').waitFor({ timeout: 30_000 });
    await page.getByText('Done 1 · failed 0').waitFor();
    await expect
      .poll(() => page.evaluate(() => (globalThis as unknown as { __tones: number[] }).__tones))
      .toEqual([880, 1320]);
    expect(await sha256Of(again.path, 8 * MiB)).toBe(sha);
    expect(await sha256Of(stickB.path, 32 * MiB)).toBe(beforeB);
    expect(await slotCard('hub A, 1').getAttribute('data-phase')).toBe('done');
    // Eject all: only the stick the station wrote is asked for; a loop drive has no power to cut.
    await page.getByRole('button', { name: 'Eject all' }).focus();
    await page.keyboard.press('Enter');
    const ejected = page.getByTestId('ejected');
    await ejected.getByText(`${again.path}: a virtual drive, nothing to power off`).waitFor();
    expect(await ejected.getByRole('listitem').count()).toBe(1);
    expect(await sha256Of(again.path, 8 * MiB)).toBe(sha);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'station-en.png'), fullPage: true });

    await callMain(page, 'updateSettings', { language: 'ko' });
    await waitForLanguage(page, 'ko');
    await slotCard('hub A, 1').getByText('완료: 빼세요').waitFor();
    await slotCard('hub A, 2')
      .getByText('스테이션을 준비할 때 이미 꽂혀 있었습니다', { exact: false })
      .waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'station-ko.png'), fullPage: true });

    await page.getByRole('button', { name: '준비 해제' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('준비 안 됨').waitFor();
    await callMain(page, 'updateSettings', { language: 'en' });
    await waitForLanguage(page, 'en');
  });

  it('refuses to arm with no port or a range that cannot hold a stick, arming nothing', async () => {
    const refused = await callMain(page, 'armStation', {
      image: '/nonexistent.img',
      slots: [],
      target: null,
      minBytes: 0,
      maxBytes: 1,
      verify: true,
      eject: false,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
    const upsideDown = await callMain(page, 'armStation', {
      image: '/nonexistent.img',
      slots: [{ port: 'loop:/x', name: 'x' }],
      target: null,
      minBytes: 10,
      maxBytes: 1,
      verify: true,
      eject: false,
    });
    expect(upsideDown).toMatchObject({ ok: false });
    expect(JSON.stringify(upsideDown)).toContain(
      'The smallest stick size must not be larger than the largest.',
    );
    expect(await callMain(page, 'getStation', {})).toMatchObject({ ok: true, value: { armed: false } });
  });

  it('saves the chosen ports as a layout file the CLI reads, and loads one back, refusing a broken one', async () => {
    const own = await openRenderer();
    const at = own.page;
    try {
      const dir = await loops.tempDir();
      const file = await loops.createBackingFile(16 * MiB, { dir, name: 'bench-port.img' });
      const stick = await loops.attachFile(file);
      await callMain(at, 'updateSettings', { showVirtualDrives: true });
      await at.getByRole('navigation', { name: 'Tools' }).getByRole('link', { name: 'Station' }).click();
      await at.getByRole('button', { name: 'Look again' }).click();
      await at.getByLabel(`Arm loop:${file}`).check();
      await at.getByLabel(`Name for loop:${file}`).fill('bench 1');
      await at.getByLabel('Layout name').fill('bench');
      const saved = await downloadOf(at, at.getByRole('button', { name: 'Save layout' }));
      expect(saved.name).toBe('bench.json');
      expect(JSON.parse(saved.text)).toEqual({
        name: 'bench',
        slots: [{ port: `loop:${file}`, name: 'bench 1' }],
      });
      await at.getByText('Saved layout bench.json').waitFor();

      // The stick goes, the port is unticked; the layout brings the port back under its name.
      await loops.detach(stick.path);
      await at.getByRole('button', { name: 'Look again' }).click();
      // Unticked with no stick in it, the port leaves the list (so click, not uncheck, which re-reads it).
      await at.getByLabel(`Arm loop:${file}`).click();
      await at.getByLabel(`Arm loop:${file}`).waitFor({ state: 'detached' });
      const layoutFile = join(dir, 'bench.json');
      await writeFile(layoutFile, saved.text);
      await at.locator('#station-layout-file').setInputFiles(layoutFile);
      await at.getByText('Layout bench: 1 port chosen.').waitFor();
      expect(await at.getByLabel(`Arm loop:${file}`).isChecked()).toBe(true);
      expect(await at.getByLabel(`Name for loop:${file}`).inputValue()).toBe('bench 1');
      await at.getByText('No stick in it now').waitFor();
      expect(await findingsInBothThemes(at, 'station layout')).toEqual([]);
      await screenshotInBothLanguages(at, 'station-layout');

      const broken = join(dir, 'broken.json');
      await writeFile(broken, '{"name": "bench", "slots": [');
      await at.locator('#station-layout-file').setInputFiles(broken);
      await at
        .getByText('broken.json is not a station layout: it is not JSON. Nothing was changed.')
        .waitFor();
      const twice = join(dir, 'twice.json');
      await writeFile(
        twice,
        JSON.stringify({
          name: 'x',
          slots: [
            { port: 'p', name: 'a' },
            { port: 'p', name: 'b' },
          ],
        }),
      );
      await at.locator('#station-layout-file').setInputFiles(twice);
      await at
        .getByText('twice.json is not a station layout: the port p is in it twice. Nothing was changed.')
        .waitFor();
      expect(await at.getByLabel(`Name for loop:${file}`).inputValue()).toBe('bench 1');
      expect(await at.getByLabel('Arm p').count()).toBe(0);
    } finally {
      await own.close();
    }
  });

  it('says when the drives cannot be listed, and clears it once they can, writing the stick put in meanwhile', async () => {
    const own = await openRenderer();
    const at = own.page;
    const path = process.env.PATH;
    try {
      const dir = await loops.tempDir();
      const image = join(dir, 'listing.img');
      const sha = await writePatternFile(image, 8 * MiB);
      const file = await loops.createBackingFile(32 * MiB, { dir, name: 'listing-port.img' });
      // The real lsblk, made to take 20 s (past the station's 15 s) while the gate file exists:
      // as with a dying stick whose reads hang. Main runs in this process, so PATH reaches it.
      const realLsblk = (await run('sh', ['-c', 'command -v lsblk'])).stdout.trim();
      const gate = join(dir, 'slow');
      await writeFile(
        join(dir, 'lsblk'),
        `#!/bin/sh\n[ -e '${gate}' ] && sleep 20\nexec '${realLsblk}' "$@"\n`,
        {
          mode: 0o755,
        },
      );
      process.env.PATH = `${dir}:${path}`;
      await callMain(at, 'updateSettings', { showVirtualDrives: true });
      await at.getByRole('navigation', { name: 'Tools' }).getByRole('link', { name: 'Station' }).click();
      const armed = await callMain(at, 'armStation', {
        image,
        slots: [{ port: `loop:${file}`, name: 'listing 1' }],
        target: null,
        minBytes: 0,
        maxBytes: 1024 * MiB,
        verify: true,
        eject: false,
      });
      expect(armed).toMatchObject({ ok: true });
      await writeFile(gate, '');
      const stick = await loops.attachFile(file);
      const problem = at.getByText(
        'The drives cannot be listed now: a stick put in is not seen until they can',
      );
      await problem.waitFor({ timeout: 30_000 });
      await at.getByText('listing the drives took longer than 15 s; listing them again').waitFor();
      expect(await seriousAccessibilityViolations(at)).toEqual([]);
      await rm(gate);
      await problem.waitFor({ state: 'detached', timeout: 30_000 });
      const card = at
        .locator('.station-slot')
        .filter({ has: at.getByRole('heading', { name: 'listing 1' }) });
      await expect.poll(() => card.getAttribute('data-phase'), { timeout: 30_000 }).toBe('done');
      expect(await sha256Of(stick.path, 8 * MiB)).toBe(sha);
      expect(await callMain(at, 'getStation', {})).toMatchObject({
        ok: true,
        value: { listingProblem: null, counters: { done: 1, failed: 0, refused: 0 } },
      });
    } finally {
      process.env.PATH = path;
      await callMain(at, 'disarmStation', {}).catch(() => {});
      await own.close();
    }
  }, 120_000);
});
