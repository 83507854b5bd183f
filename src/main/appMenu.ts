import { mkdirSync } from 'node:fs';
import type { App, BrowserWindow, Dialog, Menu, MenuItemConstructorOptions, Shell } from 'electron';
import type { Language, Settings } from '../shared/settings';
import { aboutDetail, gatherAboutInfo } from './shell/aboutInfo';
import { type ShellText, shellText } from './shell/shellText';

/**
 * The Electron objects the menu and its dialogs use, handed in by index.ts: only index.ts and
 * ipc.ts load electron (DESIGN.md), so this file stays importable from plain Node.
 */
export interface ElectronUi {
  app: Pick<App, 'getVersion' | 'isPackaged'>;
  dialog: Pick<Dialog, 'showMessageBox'>;
  Menu: Pick<typeof Menu, 'setApplicationMenu' | 'buildFromTemplate'>;
  shell: Pick<Shell, 'openPath'>;
}

export interface AppMenuOptions {
  electron: ElectronUi;
  logsDir: string;
  settings: () => Pick<Settings, 'language' | 'bibImage' | 'bibImageDigest'>;
  window: () => BrowserWindow | null;
  log: (message: string) => void;
}

/**
 * The application menu: Open Logs Folder, About (app, Electron, podman and bib image versions),
 * the standard edit roles (copy and paste in the form's fields) and Quit. Returns a function that
 * redraws it, for when the language setting changes.
 */
export function installAppMenu(options: AppMenuOptions): () => void {
  let drawnIn: Language | null = null;
  const draw = () => {
    const { language } = options.settings();
    if (language === drawnIn) return;
    drawnIn = language;
    const { Menu } = options.electron;
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(shellText(language), options)));
  };
  draw();
  return draw;
}

function menuTemplate(text: ShellText, options: AppMenuOptions): MenuItemConstructorOptions[] {
  const { app, dialog, shell } = options.electron;
  const openLogs = () => {
    mkdirSync(options.logsDir, { recursive: true, mode: 0o700 });
    void shell.openPath(options.logsDir).then((error) => {
      if (error) options.log(`could not open the logs folder ${options.logsDir}: ${error}`);
    });
  };
  const showAbout = async () => {
    const info = await gatherAboutInfo({
      appVersion: app.getVersion(),
      versions: process.versions,
      settings: options.settings(),
    });
    const box = {
      type: 'info' as const,
      title: text.aboutTitle,
      message: `Bootstick ${info.app}`,
      detail: aboutDetail(info, text),
      buttons: [text.ok],
    };
    const window = options.window();
    await (window ? dialog.showMessageBox(window, box) : dialog.showMessageBox(box));
  };
  return [
    {
      label: text.file,
      submenu: [
        { id: 'open-logs', label: text.openLogs, click: openLogs },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    {
      label: text.edit,
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: text.view,
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
      ],
    },
    {
      label: text.help,
      submenu: [
        { id: 'open-logs-help', label: text.openLogs, click: openLogs },
        {
          id: 'about',
          label: text.about,
          click: () => void showAbout().catch((error) => options.log(`About failed: ${String(error)}`)),
        },
      ],
    },
  ];
}

/** Asks before a quit stops running flash jobs; true: stop them and quit. */
export async function confirmStopFlashing(
  dialog: ElectronUi['dialog'],
  window: BrowserWindow | null,
  language: Language,
  count: number,
): Promise<boolean> {
  const text = shellText(language);
  const box = {
    type: 'warning' as const,
    title: text.flashingTitle,
    message: text.flashingMessage(count),
    detail: text.flashingDetail,
    buttons: [text.keepFlashing, text.stopAndQuit],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
  const { response } = await (window && !window.isDestroyed()
    ? dialog.showMessageBox(window, box)
    : dialog.showMessageBox(box));
  return response === 1;
}
