// A stand-in for the `electron` module, for running the BUILT main bundle under plain Node
// (see register.mjs). It implements only the API surface src/main uses, behaves like Electron
// where main relies on it (event order, preventable events, web-contents-created, quitting) and
// records everything security-relevant. The test drives it over the fork IPC channel: each
// message { id, op, ...params } is answered with { id, result } or { id, error }.
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const record = {
  singleInstanceLockRequests: 0,
  paths: {},
  windows: [],
  contents: [],
  permissionRequestHandlers: [],
  permissionCheckHandlers: [],
  headersReceivedListeners: [],
  ipcHandlers: new Map(),
  applicationMenus: [],
  openedPaths: [],
  dialogs: [],
  quitRequests: 0,
  progressBars: [],
  notifications: [],
};
const dialogAnswers = [];

function appPackageJson() {
  let dir = dirname(process.argv[1] ?? process.cwd());
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
    if (dirname(dir) === dir) return {};
    dir = dirname(dir);
  }
}

// Electron adds its own version next to Node's.
process.versions.electron = JSON.parse(
  readFileSync(new URL('../../../node_modules/electron/package.json', import.meta.url), 'utf8'),
).version;

function preventableEvent() {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

class WebFrameMain {
  url = '';
  constructor(contents) {
    this.top = null;
    this.parent = null;
    this.contents = contents;
  }
}

let nextContentsId = 1;
class WebContents extends EventEmitter {
  constructor() {
    super();
    this.id = nextContentsId++;
    this.mainFrame = new WebFrameMain(this);
    this.windowOpenHandler = null;
    this.sent = [];
    this.destroyed = false;
    record.contents.push(this);
    app.emit('web-contents-created', preventableEvent(), this);
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  async loadURL(url) {
    this.mainFrame.url = url;
    this.emit('did-start-loading');
    this.emit('dom-ready');
    this.emit('did-finish-load');
  }
  getURL() {
    return this.mainFrame.url;
  }
  send(channel, ...args) {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args });
  }
  isDestroyed() {
    return this.destroyed;
  }
}

class BrowserWindow extends EventEmitter {
  static #all = [];
  static getAllWindows() {
    return [...BrowserWindow.#all];
  }
  constructor(options = {}) {
    super();
    this.options = structuredClone(options);
    this.visible = false;
    this.destroyed = false;
    record.windows.push(this);
    BrowserWindow.#all.push(this);
    this.webContents = new WebContents();
  }
  async loadURL(url) {
    await this.webContents.loadURL(url);
    queueMicrotask(() => this.emit('ready-to-show'));
  }
  show() {
    this.visible = true;
    this.emit('show');
  }
  isMinimized() {
    return false;
  }
  /** Like a window in the background: what a person would not see without a notification. */
  isFocused() {
    return false;
  }
  setProgressBar(progress, options = {}) {
    record.progressBars.push({ progress, mode: options.mode ?? 'normal' });
  }
  restore() {}
  focus() {}
  isDestroyed() {
    return this.destroyed;
  }
  /** Like Electron: 'close' may be prevented; otherwise the window goes and 'closed' follows. */
  close() {
    if (this.destroyed) return;
    const event = preventableEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroy();
  }
  destroy() {
    this.destroyed = true;
    this.webContents.destroyed = true;
    BrowserWindow.#all = BrowserWindow.#all.filter((window) => window !== this);
    this.emit('closed');
    if (BrowserWindow.#all.length === 0 && !quitting) app.emit('window-all-closed');
  }
}

let quitting = false;
const userData = () => record.paths.userData ?? join(process.env.HOME ?? '/root', '.config', 'bootstick');

class App extends EventEmitter {
  isPackaged = false;
  #ready = false;
  constructor() {
    super();
    setImmediate(() => {
      this.#ready = true;
      this.emit('ready');
    });
  }
  whenReady() {
    return this.#ready ? Promise.resolve() : new Promise((resolve) => this.once('ready', resolve));
  }
  isReady() {
    return this.#ready;
  }
  getVersion() {
    return appPackageJson().version ?? '0.0.0';
  }
  getName() {
    return appPackageJson().productName ?? appPackageJson().name;
  }
  getPath(name) {
    if (name === 'userData') return userData();
    return record.paths[name] ?? join(userData(), name);
  }
  setPath(name, path) {
    if (this.#ready && name === 'userData') throw new Error('set userData before the app is ready');
    record.paths[name] = path;
  }
  requestSingleInstanceLock() {
    record.singleInstanceLockRequests += 1;
    return process.env.STAND_IN_LOCK_TAKEN !== '1';
  }
  /** Like Electron: before-quit (preventable), then every window's close (preventable), then quit. */
  quit() {
    record.quitRequests += 1;
    const event = preventableEvent();
    this.emit('before-quit', event);
    if (event.defaultPrevented) return;
    quitting = true;
    for (const window of BrowserWindow.getAllWindows()) {
      window.close();
      if (!window.isDestroyed()) {
        quitting = false;
        return;
      }
    }
    this.emit('will-quit', preventableEvent());
    this.emit('quit', preventableEvent(), 0);
    this.exit(0);
  }
  exit(code = 0) {
    const leave = () => process.exit(code);
    if (process.connected) process.send({ event: 'exit', code }, leave);
    else leave();
  }
}

export const app = new App();

class WebRequest {
  onHeadersReceived(filterOrListener, maybeListener) {
    record.headersReceivedListeners.push(maybeListener ?? filterOrListener);
  }
}

export const session = {
  defaultSession: {
    webRequest: new WebRequest(),
    setPermissionRequestHandler(handler) {
      record.permissionRequestHandlers.push(handler);
    },
    setPermissionCheckHandler(handler) {
      record.permissionCheckHandlers.push(handler);
    },
  },
};

export const ipcMain = {
  handle(channel, handler) {
    if (record.ipcHandlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    record.ipcHandlers.set(channel, handler);
  },
};

class MenuStandIn {
  constructor(template) {
    this.items = template;
  }
}

export const Menu = {
  buildFromTemplate: (template) => new MenuStandIn(template),
  setApplicationMenu(menu) {
    record.applicationMenus.push(menu);
  },
};

export const shell = {
  async openPath(path) {
    record.openedPaths.push(path);
    return '';
  },
};

export const dialog = {
  async showMessageBox(windowOrOptions, maybeOptions) {
    const options = maybeOptions ?? windowOrOptions;
    record.dialogs.push({ ...options, parented: maybeOptions !== undefined });
    return { response: dialogAnswers.shift() ?? options.cancelId ?? 0, checkboxChecked: false };
  },
};

class Notification {
  static isSupported() {
    return true;
  }
  constructor(options = {}) {
    this.options = options;
  }
  show() {
    record.notifications.push({
      title: this.options.title,
      body: this.options.body,
      icon: this.options.icon,
    });
  }
}

export { BrowserWindow, Notification };
export default { app, BrowserWindow, session, ipcMain, Menu, shell, dialog, Notification };

// ---- the test's side: questions about what main did, and actions a user or a page would take ----

const mainWindow = () => record.windows[0];
const waitUntil = async (condition, what, timeoutMs = 10_000) => {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};
const plainMenu = (items) =>
  items.map(({ click, submenu, ...item }) => ({
    ...item,
    ...(click ? { click: true } : {}),
    ...(submenu ? { submenu: plainMenu(submenu) } : {}),
  }));
const findMenuItem = (items, id) => {
  for (const item of items) {
    if (item.id === id) return item;
    const found = item.submenu && findMenuItem(item.submenu, id);
    if (found) return found;
  }
  return undefined;
};
/** The `event` main's ipcMain.handle listener receives, from the window's page or from elsewhere. */
function ipcEvent(from) {
  const own = mainWindow().webContents;
  if (from.sender === 'other') {
    const stranger = { id: 999, mainFrame: { url: from.frameUrl } };
    return { sender: stranger, senderFrame: stranger.mainFrame };
  }
  const frame =
    from.frame === 'sub' ? { url: from.frameUrl ?? own.mainFrame.url, parent: own.mainFrame } : own.mainFrame;
  if (from.frame !== 'sub' && from.frameUrl) own.mainFrame.url = from.frameUrl;
  return { sender: own, senderFrame: from.frame === 'none' ? null : frame };
}

const operations = {
  async started() {
    await waitUntil(
      () => mainWindow()?.webContents.mainFrame.url && record.ipcHandlers.size > 0 && mainWindow().visible,
      'the main window to load and show',
    );
    return operations.state();
  },
  state() {
    return {
      singleInstanceLockRequests: record.singleInstanceLockRequests,
      userData: record.paths.userData ?? null,
      windows: record.windows.map((window) => ({
        options: window.options,
        url: window.webContents.mainFrame.url,
        visible: window.visible,
        destroyed: window.destroyed,
      })),
      contentsCount: record.contents.length,
      windowOpenHandlers: record.contents.map((contents) => contents.windowOpenHandler !== null),
      navigationListeners: record.contents.map((contents) => ({
        willNavigate: contents.listenerCount('will-navigate'),
        willRedirect: contents.listenerCount('will-redirect'),
        willAttachWebview: contents.listenerCount('will-attach-webview'),
      })),
      permissionRequestHandlers: record.permissionRequestHandlers.length,
      permissionCheckHandlers: record.permissionCheckHandlers.length,
      headersReceivedListeners: record.headersReceivedListeners.length,
      ipcChannels: [...record.ipcHandlers.keys()],
      menu: record.applicationMenus.length > 0 ? plainMenu(record.applicationMenus.at(-1).items) : null,
      openedPaths: record.openedPaths,
      dialogs: record.dialogs,
      quitRequests: record.quitRequests,
      progressBars: record.progressBars,
      notifications: record.notifications,
    };
  },
  async headers({ url, responseHeaders }) {
    const responses = [];
    for (const listener of record.headersReceivedListeners) {
      responses.push(
        await new Promise((resolve) =>
          listener({ url, responseHeaders, resourceType: 'mainFrame' }, resolve),
        ),
      );
    }
    return responses;
  },
  /** A permission asked for by the app's page, or by a page at `url` (a frame that got elsewhere). */
  async permission({ permission, url }) {
    const own = mainWindow().webContents;
    const requestingUrl = url ?? own.mainFrame.url;
    const requested = await Promise.all(
      record.permissionRequestHandlers.map(
        (handler) => new Promise((resolve) => handler(own, permission, resolve, { requestingUrl })),
      ),
    );
    const checked = record.permissionCheckHandlers.map((handler) =>
      handler(own, permission, new URL(requestingUrl).origin, { requestingUrl }),
    );
    return { requested, checked };
  },
  windowOpen({ url, contents = 0 }) {
    const target = record.contents[contents];
    if (!target.windowOpenHandler) return null;
    return target.windowOpenHandler({ url, frameName: '', features: '', disposition: 'new-window' });
  },
  navigate({ event, url, contents = 0 }) {
    const target = record.contents[contents];
    const navigation = preventableEvent();
    navigation.url = url;
    target.emit(event, navigation, url);
    return { prevented: navigation.defaultPrevented };
  },
  /** Another web contents appears (a devtools page, a popup that slipped through): hardened too? */
  createContents() {
    new WebContents();
    return record.contents.length - 1;
  },
  async ipc({ channel, args, from = {} }) {
    const handler = record.ipcHandlers.get(channel);
    if (!handler) throw new Error(`main handles no ipc channel ${channel}`);
    return handler(ipcEvent(from), ...args);
  },
  sent({ channel }) {
    return mainWindow().webContents.sent.filter((message) => message.channel === channel);
  },
  async clickMenu({ id }) {
    const item = findMenuItem(record.applicationMenus.at(-1).items, id);
    if (!item?.click) throw new Error(`no menu item ${id}`);
    const dialogs = record.dialogs.length;
    const opened = record.openedPaths.length;
    item.click(item, mainWindow(), {});
    await waitUntil(
      () => record.dialogs.length > dialogs || record.openedPaths.length > opened,
      `menu item ${id} to act`,
    );
    return operations.state();
  },
  answerDialogs({ responses }) {
    dialogAnswers.push(...responses);
    return dialogAnswers.length;
  },
  /** A call from the page immediately followed by a quit request, with nothing in between. */
  async ipcThenQuit({ channel, args }) {
    const reply = await operations.ipc({ channel, args });
    app.quit();
    return { reply, quitRequests: record.quitRequests };
  },
  quit() {
    app.quit();
    return { quitRequests: record.quitRequests };
  },
  closeWindow() {
    mainWindow().close();
    return { destroyed: mainWindow().destroyed };
  },
};

process.on('message', async ({ id, op, params }) => {
  try {
    const operation = operations[op];
    if (!operation) throw new Error(`the electron stand-in has no operation ${op}`);
    process.send({ id, result: await operation(params) });
  } catch (error) {
    process.send({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
