import { closeSync, constants, fstatSync, readSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CallerFs } from '../safety/callerFs';
import { createPrivateJobFolder } from '../safety/privateJobFolder';

/** podman's auth.json holds a few entries; a bound keeps a huge or endless file out. */
const MAX_AUTH_BYTES = 1024 * 1024;

export class AuthFileUnreadable extends Error {}

/**
 * The person's `podman login` file, read with their rights (a file they could not open, root
 * does not open for them; a symlink at the end is refused), checked to be podman's JSON, and
 * copied into a 0600 file in a private root folder for this one push. `dispose` removes it: the
 * credentials live exactly as long as the push and are never logged.
 */
export async function privateAuthFile(
  path: string,
  fs: CallerFs,
  jobId: string,
): Promise<{ path: string; dispose(): Promise<void> }> {
  let fd: number;
  try {
    fd = fs.open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    throw new AuthFileUnreadable((error as NodeJS.ErrnoException).code ?? String(error));
  }
  let text: string;
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new AuthFileUnreadable('not a regular file');
    if (info.size > MAX_AUTH_BYTES) throw new AuthFileUnreadable('larger than 1 MiB');
    const buffer = Buffer.alloc(info.size);
    let read = 0;
    while (read < info.size) {
      const got = readSync(fd, buffer, read, info.size - read, read);
      if (got === 0) break;
      read += got;
    }
    text = buffer.subarray(0, read).toString('utf8');
  } finally {
    closeSync(fd);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AuthFileUnreadable('not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new AuthFileUnreadable('not a podman auth file');
  }
  const folder = await createPrivateJobFolder('configs', jobId);
  const copy = join(folder.path, 'auth.json');
  await writeFile(copy, JSON.stringify(parsed), { mode: 0o600 });
  return { path: copy, dispose: () => folder.dispose() };
}
