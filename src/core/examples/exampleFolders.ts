import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { containerfileArgs } from '../../shared/containerImages/containerfileArgs';
import { type Example, type ExampleCopy, ExampleSchema } from '../../shared/containerImages/examples';
import { AppError } from '../../shared/errors';

/**
 * The example Containerfiles the app ships: each folder of resources/examples holding a
 * Containerfile. Read with plain fs calls, which also read inside the packaged app.asar.
 */
export async function listExamples(examplesDir: string): Promise<Example[]> {
  const names = await readdir(examplesDir).catch(() => [] as string[]);
  const examples: Example[] = [];
  for (const id of names.sort()) {
    const text = await readFile(join(examplesDir, id, 'Containerfile'), 'utf8').catch(() => null);
    const parsed = ExampleSchema.safeParse({
      id,
      tag: `localhost/${id}-bootc:latest`,
      buildArgs: text === null ? [] : containerfileArgs(text),
    });
    if (text !== null && parsed.success) examples.push(parsed.data);
  }
  return examples;
}

async function copyFolder(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (entry.isDirectory()) await copyFolder(join(from, entry.name), join(to, entry.name));
    else if (entry.isFile()) await writeFile(join(to, entry.name), await readFile(join(from, entry.name)));
  }
}

/**
 * Copies an example into `<dataDir>/examples/<id>`: root's podman cannot read inside app.asar,
 * and the copy is the person's to edit. An existing copy is kept as it is, edits and all.
 */
export async function copyExample(examplesDir: string, dataDir: string, id: string): Promise<ExampleCopy> {
  // Only an id from the list: a name like `../x` never reaches a path.
  const example = (await listExamples(examplesDir)).find((candidate) => candidate.id === id);
  if (!example) throw new AppError('invalidInput', `There is no example called ${id}.`);
  const contextDir = join(dataDir, 'examples', id);
  const containerfile = join(contextDir, 'Containerfile');
  if (!(await stat(containerfile).catch(() => null))) await copyFolder(join(examplesDir, id), contextDir);
  const text = await readFile(containerfile, 'utf8');
  return { ...example, buildArgs: containerfileArgs(text), contextDir, containerfile };
}
