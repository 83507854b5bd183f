import { QmpClient } from './qmpClient';

/** How often the overlay's size is asked for: what a guest writes between two looks is the overshoot. */
const POLL_MS = 1000;

interface BlockInfo {
  device?: string;
  inserted?: { image?: { 'actual-size'?: number } };
}

/**
 * Watches how much the guest has written into the throw-away overlay of `disk0` (QMP
 * `query-block`, the overlay file's allocated size, and an install disk's, counted from the first look) and calls
 * `onFull` once that passes `limitBytes`. The overlay lives on the host's disk; without a limit a
 * guest (whatever a drive holds) could fill it. The QMP socket is the caller's private one.
 */
export function watchOverlay(qmpSocket: string, limitBytes: number, onFull: (written: number) => void) {
  let baseline: number | undefined;
  let stopped = false;
  let busy = false;
  let client: QmpClient | undefined;
  // A connection per look, closed at once: QEMU serves one QMP client at a time, and the
  // screendump at the end needs it too.
  const look = async () => {
    if (busy || stopped) return;
    busy = true;
    try {
      client = await QmpClient.open(qmpSocket);
      const blocks = (await client.execute('query-block')) as BlockInfo[];
      // disk0's overlay, plus the blank disk an unattended install writes (disk1), when there is one:
      // both grow on this computer's disk.
      const sizes = blocks
        .filter((block) => block.device === 'disk0' || block.device === 'disk1')
        .map((block) => block.inserted?.image?.['actual-size']);
      if (sizes.length === 0 || sizes.some((size) => typeof size !== 'number')) return;
      const size = (sizes as number[]).reduce((sum, one) => sum + one, 0);
      baseline ??= size;
      if (size - baseline > limitBytes && !stopped) {
        stopped = true;
        onFull(size - baseline);
      }
    } catch {
      // QEMU not listening yet, going, or serving another client: look again at the next tick.
    } finally {
      client?.close();
      client = undefined;
      busy = false;
    }
  };
  const timer = setInterval(() => void look(), POLL_MS);
  void look();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
      client?.close();
    },
  };
}
