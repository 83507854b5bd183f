import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../src/shared/channels';
import { ROOT } from '../support/builtApp';
import { type BuiltMain, startBuiltMain } from '../support/builtMain';
import { createLoopDevices, run } from '../support/loopDevices';
import { writePatternFile } from '../support/patternFile';

/**
 * The BUILT main bundle (out/main/index.js), run under plain Node with the electron stand-in
 * (tests/support/electronStandIn/): what main really does with BrowserWindow, the session, the
 * web contents, ipcMain, the menu and quitting — checked, not assumed.
 */

interface StandInState {
  singleInstanceLockRequests: number;
  userData: string | null;
  windows: Array<{ options: Record<string, unknown>; url: string; visible: boolean; destroyed: boolean }>;
  contentsCount: number;
  windowOpenHandlers: boolean[];
  navigationListeners: Array<{ willNavigate: number; willRedirect: number; willAttachWebview: number }>;
  permissionRequestHandlers: number;
  permissionCheckHandlers: number;
  headersReceivedListeners: number;
  ipcChannels: string[];
  menu: MenuItem[] | null;
  openedPaths: string[];
  dialogs: Array<Record<string, unknown>>;
  quitRequests: number;
  progressBars: Array<{ progress: number; mode: string }>;
  notifications: Array<{ title: string; body: string; icon: string }>;
}
interface MenuItem {
  id?: string;
  label?: string;
  role?: string;
  submenu?: MenuItem[];
}
type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

const loops = createLoopDevices();
const RENDERER_INDEX = join(ROOT, 'out/renderer/index.html');
let dataDir: string;
let main: BuiltMain;
let state: StandInState;
let appUrl: string;

const call = (name: string, input: unknown, from?: Record<string, unknown>) =>
  main.ask<Envelope>('ipc', { channel: CALL_CHANNEL, args: [name, input], ...(from ? { from } : {}) });

beforeAll(async () => {
  dataDir = await loops.tempDir();
  await writeFile(join(dataDir, 'settings.json'), JSON.stringify({ showVirtualDrives: true }));
  main = startBuiltMain({ BOOTSTICK_DATA_DIR: dataDir });
  state = await main.ask<StandInState>('started');
  appUrl = pathToFileURL(RENDERER_INDEX).href;
});

afterAll(async () => {
  main?.kill();
  await loops.cleanup();
});

describe('the built main bundle, run without Electron', () => {
  it('opens one window that is isolated, sandboxed, Node-free and web-secure, on its own page', () => {
    expect(state.windows).toHaveLength(1);
    const [window] = state.windows;
    const webPreferences = window?.options.webPreferences as Record<string, unknown>;
    expect(webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(webPreferences).not.toHaveProperty('experimentalFeatures');
    expect(webPreferences.preload).toBe(join(ROOT, 'out/preload/index.cjs'));
    expect(existsSync(webPreferences.preload as string)).toBe(true);
    expect(window?.url).toBe(appUrl);
    expect(window?.visible).toBe(true);
    expect(state.ipcChannels).toEqual([CALL_CHANNEL]);
  });

  it('sends every page a strict CSP header: no eval, no inline script, nothing remote, same as the page', async () => {
    const [response] = await main.ask<Array<{ responseHeaders: Record<string, string[]> }>>('headers', {
      url: appUrl,
      responseHeaders: { 'Content-Type': ['text/html'] },
    });
    expect(state.headersReceivedListeners).toBe(1);
    expect(response?.responseHeaders['Content-Type']).toEqual(['text/html']);
    const [csp] = response?.responseHeaders['Content-Security-Policy'] ?? [];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe|https?:|\*/);
    // The built page carries the very same policy in its meta tag.
    const html = await readFile(RENDERER_INDEX, 'utf8');
    expect(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]).toBe(csp);
  });

  it('refuses new windows, navigation away from the app and webviews', async () => {
    expect(state.windowOpenHandlers).toEqual([true]);
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', appUrl]) {
      expect(await main.ask('windowOpen', { url })).toEqual({ action: 'deny' });
    }
    const prevented = async (event: string, url: string) =>
      (await main.ask<{ prevented: boolean }>('navigate', { event, url })).prevented;
    for (const url of [
      'https://example.com/',
      'file:///etc/passwd',
      pathToFileURL(join(ROOT, 'out/renderer-evil/index.html')).href,
      'data:text/html,<script>1</script>',
    ]) {
      expect(await prevented('will-navigate', url), url).toBe(true);
      expect(await prevented('will-redirect', url), url).toBe(true);
    }
    // The app's own page may reload.
    expect(await prevented('will-navigate', appUrl)).toBe(false);
    expect(await prevented('will-attach-webview', appUrl)).toBe(true);
  });

  it('hardens every web contents created later too, not only the main window', async () => {
    const index = await main.ask<number>('createContents');
    expect(await main.ask('windowOpen', { url: 'https://example.com/', contents: index })).toEqual({
      action: 'deny',
    });
    const navigation = await main.ask<{ prevented: boolean }>('navigate', {
      event: 'will-navigate',
      url: 'https://example.com/',
      contents: index,
    });
    expect(navigation.prevented).toBe(true);
  });

  it('denies every permission request and check but writing text to the clipboard from its own page', async () => {
    expect(state.permissionRequestHandlers).toBe(1);
    expect(state.permissionCheckHandlers).toBe(1);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'hid',
    ]) {
      expect(await main.ask('permission', { permission }), permission).toEqual({
        requested: [false],
        checked: [false],
      });
    }
    // The Copy buttons write plain text; only the app's own page may, and it may not read.
    expect(await main.ask('permission', { permission: 'clipboard-sanitized-write' })).toEqual({
      requested: [true],
      checked: [true],
    });
    expect(
      await main.ask('permission', { permission: 'clipboard-sanitized-write', url: 'https://example.com/' }),
    ).toEqual({ requested: [false], checked: [false] });
  });

  it("answers IPC only from the window's own top frame showing the app's page", async () => {
    expect(await call('getSettings', {})).toMatchObject({ ok: true });
    const refused = { ok: false, error: { code: 'internal', message: expect.stringContaining('refused') } };
    expect(await call('getSettings', {}, { sender: 'other', frameUrl: appUrl })).toEqual(refused);
    expect(await call('getSettings', {}, { frame: 'sub', frameUrl: appUrl })).toEqual(refused);
    expect(await call('getSettings', {}, { frame: 'none' })).toEqual(refused);
    expect(await call('getSettings', {}, { frameUrl: 'https://example.com/' })).toEqual(refused);
    // Back on the app's page, the same frame may call again.
    expect(await call('getSettings', {}, { frameUrl: appUrl })).toMatchObject({ ok: true });
  });

  it('takes the single-instance lock; a second instance quits without opening a window', async () => {
    expect(state.singleInstanceLockRequests).toBe(1);
    const second = startBuiltMain({ BOOTSTICK_DATA_DIR: dataDir, STAND_IN_LOCK_TAKEN: '1' });
    expect(await second.exited).toBe(0);
    expect(second.output()).not.toContain('started');
  });

  it('keeps its data, Chromium profile and rotating log in BOOTSTICK_DATA_DIR', async () => {
    expect(state.userData).toBe(dataDir);
    const log = await readFile(join(dataDir, 'logs/main.log'), 'utf8');
    expect(log).toMatch(/^\S+Z Bootstick \d+\.\d+\.\d+ started \(Electron \d+\.\d+\.\d+\), data in /m);
  });

  it('publishes a loop drive to the page when virtual drives are shown', async () => {
    const loop = await loops.attach(48 * 1024 * 1024, { name: 'built-main-stick.img' });
    const sent = async () =>
      (await main.ask<Array<{ args: [string, unknown] }>>('sent', { channel: EVENT_CHANNEL })).filter(
        ({ args }) => args[0] === 'drivesChanged',
      );
    await expect
      .poll(async () => JSON.stringify((await sent()).at(-1)?.args[1] ?? []), { timeout: 10_000 })
      .toContain(loop.path);
  });

  it('has an Open Logs Folder menu item that opens <data>/logs', async () => {
    const labels = (state.menu ?? []).flatMap((menu) =>
      (menu.submenu ?? []).map((item) => item.label ?? item.role),
    );
    expect(labels).toEqual(
      expect.arrayContaining(['Open Logs Folder', 'About Bootstick', 'quit', 'copy', 'paste']),
    );
    const after = await main.ask<StandInState>('clickMenu', { id: 'open-logs' });
    expect(after.openedPaths).toEqual([join(dataDir, 'logs')]);
  });

  it('shows the app, Electron, podman and bib image versions in About', async () => {
    const { stdout } = await run('podman', ['--version']);
    const podman = /(\d+\.\d+\.\d+)/.exec(stdout)?.[1];
    const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
    const { version: electron } = JSON.parse(
      await readFile(join(ROOT, 'node_modules/electron/package.json'), 'utf8'),
    );
    const after = await main.ask<StandInState>('clickMenu', { id: 'about' });
    const about = after.dialogs.at(-1);
    expect(about).toMatchObject({
      title: 'About Bootstick',
      message: `Bootstick ${version}`,
      parented: true,
    });
    expect(String(about?.detail).split('\n')).toEqual([
      `Bootstick ${version}`,
      expect.stringMatching(new RegExp(`^Electron ${electron.replaceAll('.', '\\.')} \\(Chromium .*, Node `)),
      `podman ${podman}`,
      'bootc-image-builder image: quay.io/centos-bootc/bootc-image-builder:latest',
      'pinned digest: not pinned yet (pinned on first build)',
    ]);
  });

  it('shows a flash on the taskbar entry and tells the desktop when it is done', async () => {
    const image = join(await loops.tempDir(), 'taskbar.img');
    await writePatternFile(image, 24 * 1024 * 1024);
    const drive = await loops.attach(32 * 1024 * 1024);
    const reply = await call('startFlash', {
      image,
      drives: [drive.path],
      verify: true,
      full: false,
      eject: false,
    });
    expect(reply).toMatchObject({ ok: true });
    await expect
      .poll(async () => (await main.ask<StandInState>('state')).notifications.length, { timeout: 30_000 })
      .toBe(1);
    const { progressBars, notifications } = await main.ask<StandInState>('state');
    // Between start and end the bar moved through the job, never past full, then went away.
    const during = progressBars.slice(0, -1).map((bar) => bar.progress);
    expect(during.length).toBeGreaterThan(0);
    expect(during.every((value) => value >= 0 && value <= 1)).toBe(true);
    expect(during.some((value) => value > 0 && value < 1)).toBe(true);
    expect(progressBars.at(-1)).toEqual({ progress: -1, mode: 'normal' });
    expect(notifications).toEqual([
      {
        title: 'Flashing finished',
        body: 'The drive is done and correct.',
        icon: expect.stringMatching(/icon\.png$/),
      },
    ]);
  });

  it('asks before quitting during a flash; "Keep Flashing" keeps it, "Stop and Quit" cancels and exits', async () => {
    const image = join(await loops.tempDir(), 'quit-test.img');
    await writePatternFile(image, 96 * 1024 * 1024);
    const first = await loops.attach(128 * 1024 * 1024);
    const second = await loops.attach(128 * 1024 * 1024);
    const flash = (drive: string) => ({
      channel: CALL_CHANNEL,
      args: ['startFlash', { image, drives: [drive], verify: true, full: false, eject: false }],
    });
    const dialogsBefore = (await main.ask<StandInState>('state')).dialogs.length;

    await main.ask('answerDialogs', { responses: [0] }); // Keep Flashing
    const kept = await main.ask<{ reply: Envelope }>('ipcThenQuit', flash(first.path));
    expect(kept.reply).toMatchObject({ ok: true });
    await expect
      .poll(async () => (await main.ask<StandInState>('state')).dialogs.length)
      .toBe(dialogsBefore + 1);
    expect((await main.ask<StandInState>('state')).dialogs.at(-1)).toMatchObject({
      type: 'warning',
      message: 'A drive is still being written.',
      buttons: ['Keep Flashing', 'Stop and Quit'],
      defaultId: 0,
      cancelId: 0,
      parented: true,
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(main.child.exitCode).toBeNull();
    const { stdout: children } = await run('ps', ['-o', 'pid=', '--ppid', String(main.child.pid)]);
    const helperPids = children.split(/\s+/).filter(Boolean).map(Number);
    expect(helperPids.length).toBeGreaterThan(0);

    await main.ask('answerDialogs', { responses: [1] }); // Stop and Quit
    const started = Date.now();
    // Main may be gone before it answers: that is the point.
    const stopped = main.ask<{ reply: Envelope }>('ipcThenQuit', flash(second.path)).catch(() => null);
    expect(await main.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(20_000);
    await stopped;
    // The helper went with it, its jobs cancelled; every job left its audit report first.
    const isAlive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    expect(helperPids.filter(isAlive)).toEqual([]);
    const reports = await Promise.all(
      (await readdir(join(dataDir, 'reports'))).map(async (file) =>
        JSON.parse(await readFile(join(dataDir, 'reports', file), 'utf8')),
      ),
    );
    // Only this test's jobs: earlier tests flashed other drives.
    const outcomes = reports
      .flatMap((report) =>
        report.drives.map((outcome: { drive: { path: string }; status: string }) => outcome),
      )
      .filter((outcome) => [first.path, second.path].includes(outcome.drive.path));
    expect(outcomes.map((outcome) => outcome.drive.path).sort()).toEqual([first.path, second.path].sort());
    // The job quitting stopped says so (the first one may have finished meanwhile).
    expect(outcomes.find((outcome) => outcome.drive.path === second.path)?.status).toBe('cancelled');
    expect(['cancelled', 'verified']).toContain(
      outcomes.find((outcome) => outcome.drive.path === first.path)?.status,
    );
    const log = await readFile(join(dataDir, 'logs/main.log'), 'utf8');
    expect(log).not.toContain('did not stop within');
  });
});
