import type { GuestCheck, GuestLogin } from '../../shared/bootTest';
import { runOverSsh, type SshRunAs } from './runOverSsh';
import { waitForSshBanner } from './sshBanner';

export interface LoginRequest {
  user: string;
  /** Command lines the person names for this image (e.g. `systemctl status tailscaled`). */
  checks: readonly string[];
  /** The person's own ssh-agent (SSH_AUTH_SOCK): the blueprint user's key is theirs. */
  agentSocket: string;
  /** For root running the test for someone: ssh runs as them, reaching their agent as they would. */
  runAs?: SshRunAs;
}

/** ssh's exit status for its own failure (no connection, no login), as opposed to the command's. */
const SSH_FAILED = 255;

/**
 * Logs in to the booted guest as the blueprint's user and runs `bootc status`, then each named
 * check (passing on exit status 0, output kept), all before `deadline`. Waits for the SSH banner
 * first: a system prints its login prompt before its SSH server has keys.
 */
export async function loginAndCheck(
  port: number,
  request: LoginRequest,
  deadline: number,
  signal?: AbortSignal,
): Promise<GuestLogin> {
  const base = { user: request.user, checks: [] as GuestCheck[] };
  const banner = await waitForSshBanner(port, deadline, signal);
  if (!banner) {
    return {
      ...base,
      loggedIn: false,
      error: 'No SSH server answered on the forwarded port before the time ran out.',
    };
  }
  const run = async (command: string): Promise<GuestCheck> => {
    const { exitCode, output } = await runOverSsh({
      port,
      user: request.user,
      command,
      agentSocket: request.agentSocket,
      runAs: request.runAs,
      timeoutMs: Math.max(1000, deadline - Date.now()),
      signal,
    });
    return { command, exitCode, passed: exitCode === 0, output };
  };
  const bootcStatus = await run('bootc status');
  if (bootcStatus.exitCode === SSH_FAILED || bootcStatus.exitCode === null) {
    return { ...base, banner, loggedIn: false, error: bootcStatus.output || 'ssh ended without a word.' };
  }
  const checks: GuestCheck[] = [];
  for (const command of request.checks) checks.push(await run(command));
  return { ...base, banner, loggedIn: true, bootcStatus, checks };
}
