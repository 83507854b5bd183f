/** How many listings may be outstanding at once: one hung, and one retry beside it. */
const MOST_OUTSTANDING = 2;
/** After a listing that failed outright, the next try waits this long, doubling up to RETRY_MOST_MS. */
const RETRY_FIRST_MS = 1000;
const RETRY_MOST_MS = 30_000;

export interface DriveListing {
  /** Something changed: list again (now, or once the listing in flight is done). */
  changed(): void;
  /** No more listings; an answer still to come is ignored. */
  close(): void;
}

/**
 * Lists the drives one time at a time, as the station needs: a change during a listing asks for
 * another right after it. A listing that takes longer than `timeoutMs` is given up on and said
 * (lsblk reading a dying stick can hang in the kernel), and another is started beside it, but
 * never more than MOST_OUTSTANDING: a hung lsblk cannot be killed, and they would pile up. A
 * listing given up on is ignored when it answers at last (a generation number): its view of the
 * drives is older than the one applied since. One that fails outright is tried again after a
 * growing pause, since nothing else would ask for it while no disk changes.
 */
export function createDriveListing<T>(options: {
  list: () => Promise<T>;
  /** The answer of the latest listing, in order; never one given up on. */
  onListed: (drives: T) => void;
  onFailed: (message: string) => void;
  /** The first listing that worked after one that failed. */
  onRecovered: () => void;
  timeoutMs: number;
}): DriveListing {
  let generation = 0;
  let running: Promise<void> | null = null;
  let pending = false;
  let outstanding = 0;
  let failed = false;
  let closed = false;
  let giveUp: NodeJS.Timeout | null = null;
  let retry: NodeJS.Timeout | null = null;
  let retryMs = RETRY_FIRST_MS;

  const fail = (message: string) => {
    failed = true;
    options.onFailed(message);
  };

  function changed(): void {
    if (closed) return;
    if (running || outstanding >= MOST_OUTSTANDING) {
      pending = true;
      return;
    }
    if (retry) clearTimeout(retry);
    retry = null;
    generation += 1;
    const mine = generation;
    outstanding += 1;
    const timer = setTimeout(() => {
      if (mine !== generation || closed) return;
      generation += 1;
      running = null;
      fail(`listing the drives took longer than ${options.timeoutMs / 1000} s; listing them again`);
      changed();
    }, options.timeoutMs);
    giveUp = timer;
    const current: Promise<void> = options
      .list()
      .then(
        (drives) => {
          if (mine !== generation || closed) return;
          retryMs = RETRY_FIRST_MS;
          if (failed) {
            failed = false;
            options.onRecovered();
          }
          options.onListed(drives);
        },
        (error: unknown) => {
          if (mine !== generation || closed) return;
          fail(error instanceof Error ? error.message : String(error));
          retry = setTimeout(changed, retryMs);
          retryMs = Math.min(RETRY_MOST_MS, retryMs * 2);
        },
      )
      .finally(() => {
        clearTimeout(timer);
        outstanding -= 1;
        if (running === current) running = null;
        if (!running && pending && !closed) {
          pending = false;
          changed();
        }
      });
    running = current;
  }

  return {
    changed,
    close() {
      closed = true;
      generation += 1;
      if (giveUp) clearTimeout(giveUp);
      if (retry) clearTimeout(retry);
    },
  };
}
