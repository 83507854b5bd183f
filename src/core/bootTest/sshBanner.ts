import { connect } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

/** One try: the first line the port sends, or null when it closes or stays silent. */
function firstLine(port: number, waitMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    let text = '';
    const socket = connect({ host: '127.0.0.1', port });
    const done = (line: string | null) => {
      socket.destroy();
      resolve(line);
    };
    const timer = setTimeout(() => done(null), waitMs);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
      const end = text.indexOf('\n');
      if (end >= 0) {
        clearTimeout(timer);
        done(text.slice(0, end).trim());
      } else if (text.length > 255) {
        clearTimeout(timer);
        done(text.slice(0, 255));
      }
    });
    socket.on('error', () => {
      clearTimeout(timer);
      done(null);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      done(null);
    });
  });
}

/**
 * Waits until an SSH server answers on the forwarded port with its banner (`SSH-2.0-…`). QEMU's
 * user-mode network accepts a connection before the guest listens and then drops it, so a bare
 * connect proves nothing: only the banner does. Resolves with the banner, or null at the deadline.
 */
export async function waitForSshBanner(
  port: number,
  deadline: number,
  signal?: AbortSignal,
): Promise<string | null> {
  while (Date.now() < deadline && !signal?.aborted) {
    const line = await firstLine(port, Math.min(5000, Math.max(1, deadline - Date.now())));
    if (line?.startsWith('SSH-')) return line;
    await delay(500);
  }
  return null;
}
