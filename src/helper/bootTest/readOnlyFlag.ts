import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';

/**
 * blockdev on an open descriptor (as its fd 3, named /dev/fd/3), so the flag is read and set on
 * exactly the device the helper pinned, never on whatever a path names by then.
 */
function blockdevOn(fd: number, flag: '--getro' | '--setro' | '--setrw'): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('blockdev', [flag, '/dev/fd/3'], {
      stdio: ['pipe', 'pipe', 'pipe', fd],
    }) as ChildProcessWithoutNullStreams;
    child.stdin.end();
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve(out.trim());
      else reject(new Error(`blockdev ${flag} failed (${err.trim() || `exit ${code}`})`));
    });
  });
}

/** The block layer's read-only flag of the device open as `fd`. */
export async function readOnlyFlag(fd: number): Promise<boolean> {
  return (await blockdevOn(fd, '--getro')) === '1';
}

/** Sets (or clears) it: while set, the kernel refuses every write to the device, root's included. */
export async function setReadOnlyFlag(fd: number, readOnly: boolean): Promise<void> {
  await blockdevOn(fd, readOnly ? '--setro' : '--setrw');
}
