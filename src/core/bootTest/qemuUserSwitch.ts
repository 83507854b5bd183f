import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * How this QEMU becomes an unprivileged user once it has opened what it needs as root (firmware,
 * the passed drive, /dev/kvm, its QMP socket, the overlay): `-run-with user=` since QEMU 9.0,
 * `-runas` before it (deprecated in 8.1, later removed). Read off QEMU's own `-help`; null when
 * it offers neither, and then the helper does not run it at all.
 */
export type QemuUserSwitch = { kind: 'run-with' } | { kind: 'runas' };

export function userSwitchFromHelp(help: string): QemuUserSwitch | null {
  if (/^-run-with\b.*\buser=/m.test(help)) return { kind: 'run-with' };
  if (/^-runas\b/m.test(help)) return { kind: 'runas' };
  return null;
}

export async function qemuUserSwitch(qemu: string): Promise<QemuUserSwitch | null> {
  const { stdout } = await run(qemu, ['-help'], { maxBuffer: 4 * 1024 * 1024 }).catch(() => ({ stdout: '' }));
  return userSwitchFromHelp(stdout);
}

/** QEMU's arguments that make it `user` just before the guest starts. */
export function userSwitchArgs(how: QemuUserSwitch, user: string): string[] {
  return how.kind === 'run-with' ? ['-run-with', `user=${user}`] : ['-runas', user];
}

/** A user's uid and primary gid from the system's user database (root's own); null: no such user. */
export async function userIds(name: string): Promise<{ uid: number; gid: number } | null> {
  const { stdout } = await run('getent', ['passwd', '--', name]).catch(() => ({ stdout: '' }));
  const [, , uid, gid] = stdout.trim().split(':');
  return uid && gid && /^\d+$/.test(uid) && /^\d+$/.test(gid) ? { uid: Number(uid), gid: Number(gid) } : null;
}
