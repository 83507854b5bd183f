import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { mediumOf, sameMedium } from '../safety/driveMedium';
import { pinDrive } from './pinDrive';
import { setReadOnlyFlag } from './readOnlyFlag';

/**
 * A drive boot test sets the drive's block-layer read-only flag for the whole run and puts it
 * back afterwards. A helper killed outright (SIGKILL, a power cut of the app) cannot: the drive
 * stays read-only, which is the safe side but leaves a stick nobody can write until it is
 * replugged. So the run notes, in its own private folder (root's alone), which medium it made
 * read-only; the next helper, removing the dead helper's folder, makes that medium writable
 * again — only if it is still exactly that medium, never whatever now has its /dev name.
 */
const NOTE = 'made-read-only.json';

const NoteSchema = z.object({
  path: z.string().startsWith('/dev/'),
  diskseq: z.string().nullable(),
  serial: z.string().nullable(),
});

/** Writes the note, before the flag is set: a crash right after setting it still leaves the note. */
export async function noteMadeReadOnly(folder: string, path: string): Promise<void> {
  const note = { path, ...(await mediumOf(path)) };
  await writeFile(join(folder, NOTE), JSON.stringify(note), { mode: 0o600 });
}

/** Removes the note once the flag is back as it was. */
export async function forgetMadeReadOnly(folder: string): Promise<void> {
  await rm(join(folder, NOTE), { force: true });
}

/**
 * In a dead helper's boot folder: the medium it left read-only, made writable again if it is
 * still there and still that medium. Anything unexpected leaves the drive as it is.
 */
export async function repairReadOnlyLeftBehind(folder: string): Promise<void> {
  const text = await readFile(join(folder, NOTE), 'utf8').catch(() => null);
  if (text === null) return;
  let note: z.infer<typeof NoteSchema>;
  try {
    note = NoteSchema.parse(JSON.parse(text));
  } catch {
    return;
  }
  // Opened as a boot test opens it (exclusively, no symlink, proven the device of that name): a
  // drive another test holds now is left alone, and the flag is cleared on that very descriptor.
  const handle = await pinDrive(note.path).catch(() => null);
  if (!handle) return;
  try {
    if (!sameMedium(note, await mediumOf(note.path))) return;
    await setReadOnlyFlag(handle.fd, false);
  } finally {
    await handle.close();
  }
}
