import { ipcMain, type WebContents, type WebFrameMain } from 'electron';
import type { EventName, EventPayload, Handlers } from '../shared/api';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../shared/channels';
import { dispatchCall } from './dispatchCall';

/**
 * Connects the window's renderer to the router. Only the window's own top frame, showing the
 * app's own page, may call: anything else (another webContents, an iframe, a navigated-away
 * page) is refused before its input is even parsed.
 */
export function registerIpc(
  handlers: Handlers,
  window: WebContents,
  isAppUrl: (url: string) => boolean,
  log: (message: string) => void = console.error,
): void {
  const isTrustedSender = (sender: WebContents, frame: WebFrameMain | null) =>
    sender === window && frame !== null && frame === sender.mainFrame && isAppUrl(frame.url);

  ipcMain.handle(CALL_CHANNEL, async (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event.sender, event.senderFrame)) {
      return {
        ok: false,
        error: { code: 'internal', message: 'Call refused: it did not come from the Bootstick window.' },
      };
    }
    return dispatchCall(handlers, name, input, log);
  });
}

export function sendEvent<E extends EventName>(
  window: WebContents,
  event: E,
  payload: EventPayload<E>,
): void {
  if (!window.isDestroyed()) window.send(EVENT_CHANNEL, event, payload);
}
