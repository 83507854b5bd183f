import type { HelperClient } from './helperClient';

export interface SharedHelper {
  /** The one helper of this app run, started on first use (one password prompt per run). */
  get(): Promise<HelperClient>;
  /** Closes it if it was started: it cancels whatever still runs and exits. */
  dispose(): Promise<void>;
}

/**
 * One privileged helper shared by every service (flash, verify, build). A start that failed —
 * a refused or timed-out password prompt — is forgotten, so the next use asks again.
 */
export function createSharedHelper(
  start: () => Promise<HelperClient>,
  onStarted: (client: HelperClient) => void = () => {},
): SharedHelper {
  let helper: Promise<HelperClient> | null = null;
  return {
    get() {
      if (!helper) {
        const starting = start().then((client) => {
          onStarted(client);
          return client;
        });
        helper = starting;
        starting.catch(() => {
          if (helper === starting) helper = null;
        });
      }
      return helper;
    },
    async dispose() {
      if (helper) await (await helper.catch(() => null))?.close();
      helper = null;
    },
  };
}
