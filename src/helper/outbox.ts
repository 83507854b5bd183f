import type { HelperEvent, HelperResponse } from '../shared/helperProtocol';

/** Output queued for the reader beyond which producers wait (child streams pause). */
const CONGESTED_BYTES = 1024 * 1024;

type Out = NodeJS.WritableStream & { writableLength: number };

/**
 * Everything the helper says goes through here, and nothing queues without bound when the reader
 * is slow or stalled: responses always go out (one per request); a drive's progress is kept as
 * its latest state and sent when the output drains (a newer one replaces an unsent one); child
 * output lines make their producers pause (streamChildLines) until it drains.
 */
export class Outbox {
  private readonly latestProgress = new Map<string, HelperEvent>();
  private flushing = false;

  constructor(private readonly out: Out) {}

  send(message: HelperResponse | HelperEvent): void {
    this.out.write(`${JSON.stringify(message)}\n`);
  }

  /** A progress event: sent now, or kept (replacing an older one under the same key) until drained. */
  sendLatest(key: string, event: HelperEvent): void {
    if (!this.congested() && this.latestProgress.size === 0) {
      this.send(event);
      return;
    }
    this.latestProgress.delete(key); // re-inserted last, so updates keep their order
    this.latestProgress.set(key, event);
    if (!this.flushing) {
      this.flushing = true;
      void this.drained().then(() => {
        this.flushing = false;
        const pending = [...this.latestProgress.values()];
        this.latestProgress.clear();
        for (const message of pending) this.send(message);
      });
    }
  }

  congested(): boolean {
    return this.out.writableLength >= CONGESTED_BYTES;
  }

  /** Resolves once the queued output is below the limit again. */
  drained(): Promise<void> {
    if (!this.congested()) return Promise.resolve();
    return new Promise((resolve) => {
      const check = () => {
        if (this.congested()) this.out.once('drain', check);
        else resolve();
      };
      this.out.once('drain', check);
    });
  }
}
