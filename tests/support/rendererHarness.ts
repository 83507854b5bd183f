import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { startHelper } from '../../src/core/privileged/helperClient';
import { helperCommand } from '../../src/core/privileged/helperCommand';
import { createAppServices } from '../../src/main/appServices';
import type { FileChooser } from '../../src/main/dialogs/fileDialog';
import { dispatchCall } from '../../src/main/dispatchCall';
import { createRouter } from '../../src/main/router';
import type { EmitEvent } from '../../src/shared/api';
import { BUILT, ROOT } from './builtApp';
import { serveRenderer } from './staticServer';

/** Debian's Chromium; Playwright's own browser downloads are not reachable from CI hosts. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/**
 * The same `window.bootstick` the preload builds over ipcRenderer, built here over Playwright's
 * exposeBinding: calls go to the real router in this Node process, events come back through
 * __bootstickEmit. Runs before any page script, like a preload.
 */
function installBridge() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const target = globalThis as unknown as Record<string, unknown>;
  const call = target.__bootstickCall as (name: string, input: unknown) => Promise<unknown>;
  // webUtils.getPathForFile's stand-in: Electron knows the path of a File that came from the
  // disk (dropped, or from a file input) and answers '' for one made in the page. Here every File
  // is made in the page, so a test registers the path a File stands for when it drops it.
  const filePaths = new WeakMap<object, string>();
  target.__bootstickFilePaths = filePaths;
  target.bootstick = Object.freeze({
    call: (name: string, input: unknown) => call(name, input),
    pathForFile: (file: object) => filePaths.get(file) ?? '',
    on(event: string, listener: (payload: unknown) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  });
  target.__bootstickEmit = (event: string, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
}

export interface RendererHarness {
  page: Page;
  dataDir: string;
  /** Console errors and uncaught exceptions from the page (CSP violations show up here). */
  errors: string[];
  close(): Promise<void>;
}

export interface RendererOptions {
  /** Answers the app's native open dialogs (main's dialog.showOpenDialog in the app). */
  chooseFile?: FileChooser;
  /** Start on this data dir, as the app does after a restart; the caller then removes it. */
  dataDir?: string;
  /**
   * The SSH_AUTH_SOCK main sees (a test ssh-agent); none otherwise, whatever this shell has, so
   * a test never logs in with the developer's own keys.
   */
  sshAuthSock?: string;
}

/** Pages of the harnesses open now, so a suite-wide hook can tidy up after each test. */
export const openPages = new Set<Page>();

/** Launches Chromium on the built renderer, wired to real main services with a fresh data dir. */
export async function openRenderer(options: RendererOptions = {}): Promise<RendererHarness> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'bootstick-e2e-')));
  const server = await serveRenderer(BUILT.renderer);
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  let pageOpen = true;
  const emit: EmitEvent = (event, payload) => {
    if (!pageOpen) return;
    page
      .evaluate(
        ([name, data]) =>
          (globalThis as never as Record<string, (n: unknown, d: unknown) => void>).__bootstickEmit?.(
            name,
            data,
          ),
        [event, payload] as const,
      )
      .catch(() => {});
  };
  const services = await createAppServices({
    dataDir,
    emit,
    // Root already (the suite needs it for loop devices), so the helper starts without pkexec.
    startHelper: () =>
      startHelper(
        helperCommand({ uid: 0, execPath: process.execPath, helperPath: BUILT.helper, electron: false }),
      ),
    log: (message) => console.error(message),
    examplesDir: join(ROOT, 'resources/examples'),
    sshAgentSocket: () => options.sshAuthSock,
    ...(options.chooseFile ? { chooseFile: options.chooseFile } : {}),
  });
  const router = createRouter(services);
  await page.exposeBinding('__bootstickCall', (_source, name: unknown, input: unknown) =>
    dispatchCall(router, name, input),
  );
  await page.addInitScript(installBridge);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(server.url);
  services.drives.start();
  openPages.add(page);
  return {
    page,
    dataDir,
    errors,
    async close() {
      pageOpen = false;
      openPages.delete(page);
      await services.dispose();
      await browser.close();
      await server.close();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
