import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { BootstickBridge } from '../shared/bridge';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../shared/channels';

/**
 * The renderer's only door to the app: call a named contract call, or listen to a named event.
 * Main validates every call; nothing of Node or Electron is exposed.
 */
const bridge: BootstickBridge = {
  call: (name, input) => ipcRenderer.invoke(CALL_CHANNEL, name, input),
  on(event, listener) {
    const handler = (_: unknown, name: unknown, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
  // Only a path, and only of a File the page already holds (dropped by the person): reading
  // the file stays main's business, through the contract.
  pathForFile: (file) => webUtils.getPathForFile(file as File),
};

contextBridge.exposeInMainWorld('bootstick', bridge);
