import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, session } from 'electron';
import { createAppServices } from './appServices';
import { startHelper } from './helper/helperClient';
import { helperCommand } from './helper/helperCommand';
import { registerIpc, sendEvent } from './ipc';
import { createRouter } from './router';
import { CONTENT_SECURITY_POLICY, mainWindowOptions } from './windowOptions';

/** Where the packages install the launcher that build/org.bootstick.helper.policy names. */
const INSTALLED_LAUNCHER = '/usr/lib/bootstick/bootstick-helper';
const rendererDir = join(import.meta.dirname, '../renderer');
const rendererUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(rendererDir, 'index.html')).href;
const isAppUrl = (url: string) =>
  url.startsWith(process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(rendererDir).href);

async function openMainWindow(): Promise<void> {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, decide) => decide(false));
  session.defaultSession.webRequest.onHeadersReceived((details, respond) =>
    respond({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    }),
  );

  const window = new BrowserWindow(mainWindowOptions(join(import.meta.dirname, '../preload/index.cjs')));
  const contents = window.webContents;
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());

  const services = await createAppServices({
    dataDir: app.getPath('userData'),
    emit: (event, payload) => sendEvent(contents, event, payload),
    startHelper: () =>
      startHelper(
        helperCommand({
          uid: process.getuid?.() ?? 0,
          execPath: process.execPath,
          helperPath: join(import.meta.dirname, 'helper.js'),
          electron: true,
          launcher: existsSync(INSTALLED_LAUNCHER) ? INSTALLED_LAUNCHER : undefined,
        }),
      ),
    log: (message) => console.error(message),
  });
  registerIpc(createRouter(services), contents, isAppUrl);
  window.on('closed', () => void services.dispose());
  window.once('ready-to-show', () => window.show());
  await window.loadURL(rendererUrl);
  services.drives.start();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(openMainWindow, (error) => {
    console.error(error);
    app.exit(1);
  });
}
