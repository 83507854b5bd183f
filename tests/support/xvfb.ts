import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Display {
  display: string;
  close(): Promise<void>;
}

/** The session's display, or a private Xvfb when there is none (CI hosts have no screen). */
export async function ensureDisplay(): Promise<Display> {
  if (process.env.DISPLAY) return { display: process.env.DISPLAY, close: async () => {} };
  const number = 90 + (process.pid % 100);
  const child: ChildProcess = spawn(
    'Xvfb',
    [`:${number}`, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
    {
      stdio: 'ignore',
    },
  );
  const failed = new Promise<never>((_, reject) =>
    child.on('error', (error) =>
      reject(
        new Error(
          `No DISPLAY and Xvfb did not start (${error.message}): install xvfb (scripts/install-system-deps.sh does).`,
        ),
      ),
    ),
  );
  const socket = `/tmp/.X11-unix/X${number}`;
  const ready = (async () => {
    for (let waited = 0; !existsSync(socket); waited += 50) {
      if (waited > 10_000) throw new Error(`Xvfb :${number} did not come up within 10 s`);
      if (child.exitCode !== null) throw new Error(`Xvfb :${number} exited with ${child.exitCode}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  await Promise.race([ready, failed]);
  return {
    display: `:${number}`,
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
