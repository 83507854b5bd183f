import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { driveDomId } from '../../src/renderer/components/driveDomId';
import { ROOT, requireBuild } from '../support/builtApp';
import { electronBinary } from '../support/electronBinary';
import { createLoopDevices, requireRoot } from '../support/loopDevices';
import { MiB } from '../support/units';
import { type Display, ensureDisplay } from '../support/xvfb';

/**
 * The real app in the real Electron: launched like a person launches it, it reaches the Flash
 * step and lists a loop drive. Runs wherever the Electron binary is installed; where it is not,
 * it is skipped with one line saying so (tests/support/failOnSkippedReporter.ts lets exactly
 * that skip through in CI).
 */

const binary = electronBinary();
const loops = createLoopDevices();
let display: Display | undefined;

afterAll(async () => {
  await display?.close();
  await loops.cleanup();
});

describe('the packaged-to-be app in real Electron', () => {
  it('launches, reaches the Flash step and sees a loop drive', async (context) => {
    if (binary.absent !== undefined) context.skip(binary.absent);
    requireRoot();
    requireBuild();
    display = await ensureDisplay();
    const dataDir = await loops.tempDir();
    await writeFile(join(dataDir, 'settings.json'), JSON.stringify({ showVirtualDrives: true }));
    const loop = await loops.attach(64 * MiB, { name: 'electron-stick.img' });

    const app = await electron.launch({
      executablePath: binary.path,
      // Chromium refuses to run as root without --no-sandbox; the renderer keeps `sandbox: true`.
      args: ['--no-sandbox', ROOT],
      env: {
        ...(process.env as Record<string, string>),
        DISPLAY: display.display,
        BOOTSTICK_DATA_DIR: dataDir,
      },
      timeout: 60_000,
    });
    try {
      const page = await app.firstWindow();
      // The real renderer has no Node, only window.bootstick; it can open no window.
      const globals = await page.evaluate(() => {
        const scope = globalThis as Record<string, unknown>;
        return {
          require: typeof scope.require,
          process: typeof scope.process,
          bootstick: Object.keys(scope.bootstick as object).sort(),
          opened: (scope.open as (url: string) => unknown)('https://example.com/') === null,
        };
      });
      expect(globals).toEqual({
        require: 'undefined',
        process: 'undefined',
        bootstick: ['call', 'on'],
        opened: true,
      });
      expect((await app.windows()).length).toBe(1);

      await page.getByRole('link', { name: /^\d\. Flash$/ }).click();
      await expect.poll(() => page.getByRole('heading', { level: 2 }).textContent()).toBe('Flash');
      const card = page.locator(`#${driveDomId(loop.path)}`);
      await card.waitFor({ state: 'visible', timeout: 15_000 });
      expect(await card.textContent()).toContain('electron-stick.img');
      const screenshots = join(ROOT, 'test-results/screenshots');
      await mkdir(screenshots, { recursive: true });
      await page.screenshot({ path: join(screenshots, 'electron-flash-step.png') });
    } finally {
      await app.close();
    }
  });
});
