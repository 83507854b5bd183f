import { readFile } from 'node:fs/promises';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../src/shared/channels';
import { BUILT_PRELOAD } from '../support/builtMain';

/**
 * The BUILT preload (out/preload/index.cjs) evaluated the way Electron evaluates a sandboxed
 * preload: a CommonJS function body whose `require` offers only what a sandboxed renderer has,
 * with an `electron` stand-in recording what it exposes and sends.
 */

/** What a sandboxed preload's require can load (Electron's sandbox polyfill). */
const SANDBOX_MODULES = new Set(['electron', 'events', 'timers', 'url']);

interface Exposed {
  call(name: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

function loadPreload(source: string) {
  const required: string[] = [];
  const exposed = new Map<string, unknown>();
  const invoked: unknown[][] = [];
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const ipcRenderer = {
    invoke: async (...args: unknown[]) => {
      invoked.push(args);
      return { ok: true, value: 'answer' };
    },
    on(channel: string, listener: (...args: unknown[]) => void) {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return ipcRenderer;
    },
    removeListener(channel: string, listener: (...args: unknown[]) => void) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
  };
  const electron = {
    contextBridge: {
      exposeInMainWorld(key: string, api: unknown) {
        if (exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property: ${key}`);
        exposed.set(key, api);
      },
    },
    ipcRenderer,
    // Electron answers a File's path; this stand-in answers for what it was given, to show it is asked.
    webUtils: { getPathForFile: (file: { name?: string }) => `/dropped/${file.name ?? ''}` },
  };
  const sandboxRequire = (name: string) => {
    required.push(name);
    if (!SANDBOX_MODULES.has(name))
      throw new Error(`module not found: ${name} (a sandboxed preload cannot load it)`);
    if (name === 'electron') return electron;
    throw new Error(`the test offers no ${name}`);
  };
  const module = { exports: {} };
  const wrapper = runInNewContext(
    `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
    {
      console,
    },
  );
  wrapper(module.exports, sandboxRequire, module, BUILT_PRELOAD, '/');
  const emit = (...args: unknown[]) => {
    for (const listener of listeners.get(EVENT_CHANNEL) ?? []) listener({ sender: null }, ...args);
  };
  return { required, exposed, invoked, listeners, emit };
}

let preload: ReturnType<typeof loadPreload>;

beforeAll(async () => {
  preload = loadPreload(await readFile(BUILT_PRELOAD, 'utf8'));
});

describe('the built preload bundle', () => {
  it('is a CommonJS script that needs nothing a sandboxed preload lacks', () => {
    expect(preload.required).toEqual(['electron']);
  });

  it('exposes exactly one object, window.bootstick, with call, on and pathForFile — no Electron or Node object', () => {
    expect([...preload.exposed.keys()]).toEqual(['bootstick']);
    const api = preload.exposed.get('bootstick') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['call', 'on', 'pathForFile']);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it("answers a dropped File's path through Electron's webUtils, sending nothing to main", () => {
    const api = preload.exposed.get('bootstick') as Exposed & { pathForFile(file: object): string };
    const before = preload.invoked.length;
    expect(api.pathForFile({ name: 'disk.raw' })).toBe('/dropped/disk.raw');
    expect(preload.invoked.length).toBe(before);
  });

  it('sends calls on the one call channel, with the name and input only', async () => {
    const api = preload.exposed.get('bootstick') as Exposed;
    expect(await api.call('listDrives', { includeHidden: false })).toEqual({ ok: true, value: 'answer' });
    expect(preload.invoked).toEqual([[CALL_CHANNEL, 'listDrives', { includeHidden: false }]]);
  });

  it('delivers only the named event to a listener, and stops on unsubscribe', () => {
    const api = preload.exposed.get('bootstick') as Exposed;
    const received: unknown[] = [];
    const off = api.on('drivesChanged', (payload) => received.push(payload));
    preload.emit('settingsChanged', { language: 'ko' });
    preload.emit('drivesChanged', ['one']);
    expect(received).toEqual([['one']]);
    // The listener never sees Electron's event object (it would carry `sender`).
    off();
    preload.emit('drivesChanged', ['two']);
    expect(received).toEqual([['one']]);
    expect(preload.listeners.get(EVENT_CHANNEL)?.size).toBe(0);
  });
});
