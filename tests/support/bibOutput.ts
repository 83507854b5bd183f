import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** bib's fatal record: Go's log.Fatalf prefix. A multi-line error continues without a timestamp. */
export const ERROR_RECORD = /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} error: /gm;

/** The messages of every fatal record on bib's stderr, timestamps removed, in order. */
export function fatalRecords(stderr: string): string[] {
  const starts = [...stderr.matchAll(ERROR_RECORD)];
  return starts.map((match, index) => {
    const end = starts[index + 1]?.index ?? stderr.length;
    return stderr.slice((match.index ?? 0) + match[0].length, end).trimEnd();
  });
}

/** Every file and directory below `dir`, relative, sorted. */
export async function tree(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).sort();
}

/** Scratch directories (bib outputs, config files) removed by cleanup(), which tests call in afterAll. */
export function scratch() {
  const dirs: string[] = [];
  const dir = async (): Promise<string> => {
    const path = await mkdtemp(join(tmpdir(), 'bootstick-bib-'));
    dirs.push(path);
    return path;
  };
  return {
    dir,
    /** A config file with this name (its extension picks /config.toml or /config.json) and text. */
    async file(name: string, text: string): Promise<string> {
      const path = join(await dir(), name);
      await writeFile(path, text);
      return path;
    },
    async cleanup(): Promise<void> {
      for (const path of dirs.splice(0)) await rm(path, { recursive: true, force: true });
    },
  };
}
