import type { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { QmpClient } from './qmpClient';

/**
 * The screendump's file, opened by whoever runs the test and passed as this descriptor; QEMU
 * writes it through its own /proc link to it, so it needs no way into the folder (root's, for the
 * helper). Not an fd set (-add-fd): QEMU drops unused fds from its sets whenever no QMP client is
 * connected.
 */
export const PASSED_SCREENSHOT_FD = 4;
const SCREENDUMP_FILE = `/proc/self/fd/${PASSED_SCREENSHOT_FD}`;

/** How long QEMU gets to end after SIGTERM before its watcher (timeout) sends SIGKILL. */
export const QEMU_KILL_AFTER_S = 1;
/** How long the watcher gets to end (QEMU with it) after SIGTERM before it is sent SIGKILL itself. */
const TERM_GRACE_MS = 2000;

/** A TCP port on 127.0.0.1 free now, for the guest's forwarded SSH. */
export async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no loopback port');
  return address.port;
}

/** Asks QEMU over QMP for a picture of its screen, into the passed file; resolves to `path`. */
export async function screendump(socket: string, path: string): Promise<string> {
  const qmp = await QmpClient.open(socket);
  try {
    await qmp.execute('screendump', { filename: SCREENDUMP_FILE });
    return path;
  } finally {
    qmp.close();
  }
}

/** SIGTERM, then SIGKILL after a grace; resolves once QEMU (its watcher) has exited. */
export async function stopQemu(child: ReturnType<typeof spawn>, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), TERM_GRACE_MS);
  await exited;
  clearTimeout(timer);
}
