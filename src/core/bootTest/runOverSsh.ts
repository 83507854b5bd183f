import { spawn } from 'node:child_process';
import { type RunAs, setprivAs } from '../privileged/setprivAs';

/** Output kept per command: the end, where a failure says why. */
const KEEP_CHARS = 16 * 1024;

/** Who ssh runs as, when that is not whoever runs the boot test (the helper, for its caller). */
export type SshRunAs = RunAs;

export interface SshRun {
  /** The remote command's exit status; 255 is ssh's own failure (no login, no connection). */
  exitCode: number | null;
  output: string;
}

/**
 * Runs one command line on the booted guest as `user`, over the forwarded port, with the keys the
 * person's ssh-agent holds. The VM is a throw-away on loopback with a host key made at its first
 * boot, so the key is neither checked nor remembered. `-F /dev/null`: the person's ssh config
 * (a ProxyCommand, another port) is for their hosts, not for this VM.
 */
export function runOverSsh(input: {
  port: number;
  user: string;
  command: string;
  agentSocket: string;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Run ssh as this person (setpriv), so it reaches their agent with their rights only. */
  runAs?: SshRunAs;
}): Promise<SshRun> {
  return new Promise((resolve) => {
    const asPerson = input.runAs ? setprivAs(input.runAs) : [];
    const [command = 'ssh', ...prefix] = [...asPerson, 'ssh'];
    const child = spawn(
      command,
      [
        ...prefix,
        ...['-F', '/dev/null', '-p', String(input.port)],
        ...['-o', 'BatchMode=yes', '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null'],
        ...['-o', 'LogLevel=ERROR', '-o', 'ConnectTimeout=30', '-o', `IdentityAgent=${input.agentSocket}`],
        '--',
        `${input.user}@127.0.0.1`,
        input.command,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SSH_AUTH_SOCK: input.agentSocket } },
    );
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-KEEP_CHARS);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const stop = () => child.kill('SIGKILL');
    const timer = setTimeout(stop, input.timeoutMs);
    input.signal?.addEventListener('abort', stop, { once: true });
    child.once('error', (error) => {
      output += String(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      input.signal?.removeEventListener('abort', stop);
      resolve({ exitCode: code, output: output.trim() });
    });
  });
}
