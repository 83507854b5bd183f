import { execFile, spawn } from 'node:child_process';
import { type FileHandle, open } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The person the helper works for, when that is not root. */
export interface Caller {
  uid: number;
  gid: number;
  name: string;
}

export class CallerCannotReadError extends Error {
  readonly code = 'EACCES';
}

/**
 * pkexec starts the helper with a cleared environment and sets PKEXEC_UID to the uid that ran
 * it; nothing else can put it there (only root, which starts the helper directly, and then it
 * restricts nobody but itself). null: root asked, root reads. Anything unexpected throws: the
 * helper never falls back to reading as root.
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
  return { uid, gid: Number(gid), name };
}

export interface PinnedImage {
  /** Where every read of this job goes: the opened file itself, whatever later happens to its path. */
  readonly readPath: string;
  close(): Promise<void>;
}

/**
 * Opens the image with the rights of the person who asked, not root's: the helper must not lend
 * out reading of files that person could not read (verify-only's first differing offset would
 * reveal a root-only file byte by byte). A child with the caller's uid, gid and groups
 * (setpriv) opens the file, so the kernel checks every directory and ACL on the way; the helper
 * then reopens that very file through /proc/<child>/fd/3 and reads only through its own
 * descriptor, so swapping the path afterwards redirects nothing.
 */
export async function openImageAsCaller(path: string, caller: Caller | null): Promise<PinnedImage> {
  const pin = (handle: FileHandle): PinnedImage => ({
    readPath: `/proc/self/fd/${handle.fd}`,
    close: () => handle.close(),
  });
  if (!caller) return pin(await open(path, 'r'));
  const child = spawn(
    'setpriv',
    [
      `--reuid=${caller.uid}`,
      `--regid=${caller.gid}`,
      '--init-groups',
      '--',
      'sh',
      '-c',
      // Open as the caller, say so, then hold the file open until the helper lets go (stdin ends).
      'exec 3<"$1" || exit 3; echo opened; read _',
      'sh',
      path,
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  try {
    await new Promise<void>((resolve, reject) => {
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      child.stdout.once('data', () => resolve());
      child.once('error', reject);
      child.once('exit', () => {
        const reason = stderr.trim().split('\n').pop() || 'it cannot be opened';
        reject(
          new CallerCannotReadError(`${caller.name} (uid ${caller.uid}) cannot read ${path}: ${reason}`),
        );
      });
    });
    return pin(await open(`/proc/${child.pid}/fd/3`, 'r'));
  } finally {
    child.stdin.end();
  }
}
