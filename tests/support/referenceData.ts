import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');

/** The repository this checkout was cloned from, when that is a folder on this machine. */
function localOrigin(): string | null {
  try {
    const url = execFileSync('git', ['-C', ROOT, 'config', '--get', 'remote.origin.url'], {
      encoding: 'utf8',
    }).trim();
    return url.startsWith('/') ? url : null;
  } catch {
    return null;
  }
}

/**
 * The shared reference material (real bib configs and logs) lives beside the project, in
 * ../shared/reference/bib-data; it is read, never copied in. A fresh clone elsewhere on the same
 * machine (CI's `git clone . /tmp/ci-check`) finds it beside the repository it was cloned from.
 * BOOTSTICK_BIB_DATA points elsewhere explicitly.
 */
function findBibData(): string {
  if (process.env.BOOTSTICK_BIB_DATA) return process.env.BOOTSTICK_BIB_DATA;
  const beside = (repo: string) => join(dirname(resolve(repo)), 'shared/reference/bib-data');
  const origin = localOrigin();
  return [beside(ROOT), ...(origin ? [beside(origin)] : [])].find((dir) => existsSync(dir)) ?? beside(ROOT);
}

export const BIB_DATA_DIR = findBibData();
