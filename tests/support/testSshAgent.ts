import { execFile, spawn } from 'node:child_process';
import { chown, copyFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A real ssh-agent of the test's own (foreground, so it is stopped by its pid), on a socket in a
 * fresh 0700 folder, holding the keys given: what a person's agent is to Bootstick. `owner`: the
 * agent runs as that person (their folder, their copy of the keys), as theirs would.
 */
export async function startTestSshAgent(
  keys: string[],
  owner?: { uid: number; gid: number },
): Promise<{ socket: string; stop(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'bootstick-agent-'));
  const socket = join(dir, 'agent.sock');
  const as = owner ? { uid: owner.uid, gid: owner.gid } : {};
  const owned: string[] = [];
  for (const [index, key] of keys.entries()) {
    if (!owner) {
      owned.push(key);
      continue;
    }
    const copy = join(dir, `key-${index}`);
    await copyFile(key, copy);
    await chown(copy, owner.uid, owner.gid);
    owned.push(copy);
  }
  if (owner) await chown(dir, owner.uid, owner.gid);
  const agent = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore', ...as });
  const exited = new Promise<void>((resolve) => agent.once('exit', () => resolve()));
  const deadline = Date.now() + 5000;
  while (!(await stat(socket).catch(() => null))) {
    if (Date.now() > deadline) throw new Error('ssh-agent did not make its socket');
    await delay(50);
  }
  for (const key of keys)
    await run('ssh-add', ['-q', key], { env: { ...process.env, SSH_AUTH_SOCK: socket } });
  return {
    socket,
    async stop() {
      agent.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
