import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The person the helper works for, when that is not root. */
export interface Caller {
  uid: number;
  gid: number;
  name: string;
  /** Every group the person is in (their primary group too), as login would give them. */
  groups: number[];
}

/**
 * pkexec starts the helper with a cleared environment and sets PKEXEC_UID to the uid that ran
 * it; nothing else can put it there (only root, which starts the helper directly, and then it
 * restricts nobody but itself). null: root asked, root reads. Anything unexpected throws: the
 * helper never falls back to acting as root.
 */
export async function callerFromEnvironment(env: NodeJS.ProcessEnv = process.env): Promise<Caller | null> {
  if (env.PKEXEC_UID === undefined || env.PKEXEC_UID === '') return null;
  if (!/^\d+$/.test(env.PKEXEC_UID)) throw new Error(`PKEXEC_UID is not a uid: ${env.PKEXEC_UID}`);
  const uid = Number(env.PKEXEC_UID);
  if (uid === 0) return null;
  const { stdout } = await run('getent', ['passwd', String(uid)]).catch(() => ({ stdout: '' }));
  const [name, , , gid] = stdout.trim().split(':');
  if (!name || !gid || !/^\d+$/.test(gid)) {
    throw new Error(`The user ${uid} who started Bootstick has no passwd entry.`);
  }
  // `id -G name` answers from the group database the way initgroups(3) does for a login.
  const listed = await run('id', ['-G', '--', name]).catch(() => ({ stdout: '' }));
  const groups = listed.stdout
    .trim()
    .split(/\s+/)
    .filter((group) => /^\d+$/.test(group))
    .map(Number);
  return { uid, gid: Number(gid), name, groups: [...new Set([Number(gid), ...groups])] };
}

let callerOnce: Promise<Caller | null> | null = null;

/** The caller of this helper run, asked once (pkexec's PKEXEC_UID does not change). */
export function helperCaller(): Promise<Caller | null> {
  callerOnce ??= callerFromEnvironment();
  callerOnce.catch(() => {
    callerOnce = null;
  });
  return callerOnce;
}
