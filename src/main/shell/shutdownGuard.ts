/** How long quitting waits for the helper to cancel its jobs and exit before giving up on it. */
export const DISPOSE_TIMEOUT_MS = 20_000;

export interface ShutdownGuard {
  /**
   * The window is about to close. true: let it. false: the caller prevents it; when the person
   * confirms stopping the running flash, `retry` is called to close it again.
   */
  mayClose(retry: () => void): boolean;
  /**
   * The app is about to quit. true: let it. false: the caller prevents it; once a running flash
   * is confirmed stopped (or there is none) and every service is disposed — running jobs
   * cancelled, the helper gone — `retry` is called to quit again, and then quitting proceeds.
   */
  mayQuit(retry: () => void): boolean;
}

/**
 * Clean shutdown, electron-free: a flash in progress is never stopped without asking (a stick
 * interrupted mid-write is unusable until written again), and nothing quits before the services
 * have cancelled their jobs and closed the helper.
 */
export function createShutdownGuard(options: {
  /** Ids of the flash jobs still running. */
  activeFlashes(): string[];
  /** Asks whether to stop `count` running flash job(s); true means stop and quit. */
  confirmStopFlashing(count: number): Promise<boolean>;
  dispose(): Promise<void>;
  log(message: string): void;
  timeoutMs?: number;
}): ShutdownGuard {
  let confirmed = false;
  let asking = false;
  let disposal: Promise<void> | null = null;
  let disposed = false;
  let quitAgain: (() => void) | null = null;

  const mustAsk = () => !confirmed && options.activeFlashes().length > 0;

  function ask(then: () => void): void {
    asking = true;
    options.confirmStopFlashing(options.activeFlashes().length).then(
      (stop) => {
        asking = false;
        if (!stop) return;
        confirmed = true;
        then();
      },
      (error) => {
        asking = false;
        options.log(`could not ask before quitting: ${String(error)}`);
      },
    );
  }

  function disposeThenQuit(retry: () => void): void {
    quitAgain = retry;
    if (disposal) return;
    const timeoutMs = options.timeoutMs ?? DISPOSE_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        options.log(`shutdown: services did not stop within ${timeoutMs} ms; quitting anyway`);
        resolve();
      }, timeoutMs);
    });
    disposal = Promise.race([
      options.dispose().catch((error) => options.log(`shutdown: disposing failed: ${String(error)}`)),
      timeout,
    ]).then(() => {
      clearTimeout(timer);
      disposed = true;
      quitAgain?.();
    });
  }

  return {
    mayClose(retry) {
      if (disposed || confirmed) return true;
      if (asking) return false;
      if (!mustAsk()) return true;
      ask(retry);
      return false;
    },
    mayQuit(retry) {
      if (disposed) return true;
      if (asking) return false;
      if (mustAsk()) {
        ask(() => disposeThenQuit(retry));
        return false;
      }
      disposeThenQuit(retry);
      return false;
    },
  };
}
