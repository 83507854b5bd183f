/** IPC channel names: one for calls, one for events. Kept import-free for the preload bundle. */
export const CALL_CHANNEL = 'bootstick:call';
export const EVENT_CHANNEL = 'bootstick:event';
