import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, Menu, Notification, session, shell, type WebContents } from 'electron';
import { appDataDir } from '../core/appDataDir';
import { redactSecrets } from '../core/log/redactSecrets';
import { createRotatingLog } from '../core/log/rotatingLog';
import { startHelper } from '../core/privileged/helperClient';
import { helperCommand, INSTALLED_HELPER_LAUNCHER } from '../core/privileged/helperCommand';
import { confirmStopFlashing, installAppMenu } from './appMenu';
import { type AppServices, createAppServices } from './appServices';
import { electronFileChooser } from './dialogs/fileDialog';
import { registerIpc, sendEvent } from './ipc';
import { createRouter } from './router';
import { createJobIndicator } from './shell/jobIndicator';
import { isPermissionAllowed } from './shell/permissionPolicy';
import { createShutdownGuard } from './shell/shutdownGuard';
import { CONTENT_SECURITY_POLICY, mainWindowOptions } from './windowOptions';

// The app and the CLI share one data folder (BOOTSTICK_DATA_DIR overrides it); Chromium's own
// profile and the single-instance lock live there too.
const dataDir = appDataDir();
app.setPath('userData', dataDir);
const logFile = createRotatingLog({
  dir: join(dataDir, 'logs'),
  onError: (error) => console.error(`Bootstick cannot write its log file: ${String(error)}`),
});
const log = (message: string) => {
  logFile.write(message);
  console.error(redactSecrets(message));
};

const rendererDir = join(import.meta.dirname, '../renderer');
// A dev server only in development: a packaged app never loads pages from anywhere but its own files.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const rendererUrl = devServerUrl ?? pathToFileURL(join(rendererDir, 'index.html')).href;
const appBaseUrl = devServerUrl ?? pathToFileURL(join(rendererDir, '/')).href;
const isAppUrl = (url: string) => url.startsWith(appBaseUrl);

let services: AppServices | undefined;
let mainWindow: BrowserWindow | null = null;

/** Every web contents, whoever creates it: no new windows, no navigation away, no webviews. */
function harden(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const stayInApp = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

const shutdown = createShutdownGuard({
  activeFlashes: () => services?.flash.activeJobs() ?? [],
  confirmStopFlashing: (count) =>
    confirmStopFlashing(dialog, mainWindow, services?.settings.get().language ?? 'en', count),
  // Closing the helper cancels its jobs; each job still leaves its audit report before the app goes.
  dispose: async () => {
    await services?.dispose();
    await services?.flash.settled();
  },
  log,
});

async function openMainWindow(): Promise<void> {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, decide, details) =>
    decide(isPermissionAllowed(permission, details.requestingUrl, isAppUrl)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission, _origin, details) =>
    isPermissionAllowed(permission, details.requestingUrl, isAppUrl),
  );
  session.defaultSession.webRequest.onHeadersReceived((details, respond) =>
    respond({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    }),
  );

  const icon = join(import.meta.dirname, '../../resources/icon.png');
  const window = new BrowserWindow(
    mainWindowOptions(join(import.meta.dirname, '../preload/index.cjs'), icon),
  );
  mainWindow = window;
  const contents = window.webContents;

  let refreshMenu = () => {};
  const indicateJobs = createJobIndicator(
    {
      // -1 removes the bar; 'error' turns it red where the desktop supports modes.
      setProgress: (fraction, failed) =>
        mainWindow?.setProgressBar(fraction ?? -1, { mode: failed ? 'error' : 'normal' }),
      notify: (title, body) => {
        if (Notification.isSupported()) new Notification({ title, body, icon }).show();
      },
      isFocused: () => mainWindow?.isFocused() ?? false,
    },
    () => services?.settings.get().language ?? 'en',
  );
  services = await createAppServices({
    dataDir,
    emit: (event, payload) => {
      sendEvent(contents, event, payload);
      indicateJobs(event, payload);
      if (event === 'settingsChanged') refreshMenu();
    },
    startHelper: () =>
      startHelper(
        helperCommand({
          uid: process.getuid?.() ?? 0,
          execPath: process.execPath,
          helperPath: join(import.meta.dirname, 'helper.js'),
          electron: true,
          launcher: existsSync(INSTALLED_HELPER_LAUNCHER) ? INSTALLED_HELPER_LAUNCHER : undefined,
        }),
      ),
    log,
    chooseFile: electronFileChooser(
      dialog,
      () => mainWindow,
      () => services?.settings.get().language ?? 'en',
    ),
    examplesDir: join(import.meta.dirname, '../../resources/examples'),
  });
  const settings = services.settings;
  refreshMenu = installAppMenu({
    electron: { app, dialog, Menu, shell },
    logsDir: logFile.dir,
    settings: () => settings.get(),
    window: () => mainWindow,
    log,
  });
  registerIpc(createRouter(services), contents, isAppUrl, log);
  window.on('close', (event) => {
    if (!shutdown.mayClose(() => window.close())) event.preventDefault();
  });
  window.on('closed', () => {
    mainWindow = null;
  });
  window.once('ready-to-show', () => window.show());
  await window.loadURL(rendererUrl);
  services.drives.start();
  log(`Bootstick ${app.getVersion()} started (Electron ${process.versions.electron}), data in ${dataDir}`);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) => harden(contents));
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (!shutdown.mayQuit(() => app.quit())) event.preventDefault();
  });
  app
    .whenReady()
    .then(openMainWindow)
    .catch((error) => {
      log(
        `Bootstick could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      app.exit(1);
    });
}
