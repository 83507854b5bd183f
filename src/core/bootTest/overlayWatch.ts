import { readdir, readFile, readlink, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';

/** How often the overlay's size is looked at: what a guest writes between two looks is the overshoot. */
const POLL_MS = 1000;

/** QEMU's own process: the child of the timeout(1) watcher it runs under (setpriv execs into timeout). */
async function qemuPidUnder(watcherPid: number): Promise<number | undefined> {
  const text = await readFile(`/proc/${watcherPid}/task/${watcherPid}/children`, 'utf8').catch(() => '');
  const pid = Number(text.trim().split(/\s+/)[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/**
 * Bytes on disk of the snapshot overlays a QEMU holds: the files it made in `folder` (its TMPDIR)
 * as `vl.XXXXXX` and unlinked at once, measured through its open descriptors in /proc, so by the
 * kernel and not by QEMU's word (a guest that took QEMU over could answer QMP as it liked). Null
 * while there is no such process to look at.
 */
export async function overlayBytes(pid: number, folder: string): Promise<number | null> {
  const fds = await readdir(`/proc/${pid}/fd`).catch(() => null);
  if (!fds) return null;
  let total = 0;
  for (const fd of fds) {
    const target = (await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')).replace(/ \(deleted\)$/, '');
    if (dirname(target) !== folder || !basename(target).startsWith('vl.')) continue;
    const info = await stat(`/proc/${pid}/fd/${fd}`).catch(() => null);
    if (info?.isFile()) total += info.blocks * 512;
  }
  return total;
}

/**
 * Watches how much the guest has written into its throw-away overlay (counted from the first look)
 * and calls `onFull` once that passes `limitBytes`. The overlay lives on this computer's disk, in
 * the run's `folder`; without a limit a guest (whatever a drive holds) could fill it. An
 * unattended install's blank disk is not counted: it is bounded by its own size, and the run
 * starts only with room for it.
 */
export function watchOverlay(
  watcherPid: number | undefined,
  folder: string,
  limitBytes: number,
  onFull: (written: number) => void,
) {
  let baseline: number | undefined;
  let stopped = false;
  let busy = false;
  const look = async () => {
    if (busy || stopped || watcherPid === undefined) return;
    busy = true;
    try {
      const qemu = await qemuPidUnder(watcherPid);
      const size = qemu === undefined ? null : await overlayBytes(qemu, folder);
      // No overlay yet (QEMU still starting) or QEMU gone: look again at the next tick.
      if (size === null || size === 0) return;
      baseline ??= size;
      if (size - baseline > limitBytes && !stopped) {
        stopped = true;
        onFull(size - baseline);
      }
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void look(), POLL_MS);
  void look();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
