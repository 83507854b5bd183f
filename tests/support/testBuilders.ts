import { mkdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ROOT_STATE_DIR } from '../../src/helper/safety/privateJobFolder';
import { BUILDERS_CONF, DEFAULT_BUILDERS } from '../../src/shared/diskImages/builderPolicy';

/** The repository every stand-in bib image the tests build lives under (podmanFixtures). */
export const STANDIN_BUILDERS = 'localhost/bootstick-test/bib-standin';
// A new mark and backup name since runs are counted: a run of an older checkout (which removed
// the list when it ended, under any other run) then sees the file as root's own and leaves it.
const MARK =
  '# Written by the Bootstick test suite for its stand-in bib; put back when the last test run ends.';
const BACKUP = `${BUILDERS_CONF}.bootstick-test-runs-backup`;
const PINS = join(ROOT_STATE_DIR, 'builder-pins.json');
/** The test runs using the list now (process ids): the last one to end puts root's list back. */
const RUNS = `${BUILDERS_CONF}.bootstick-test-runs`;

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The live runs registered, with this one added or taken out. */
async function registerRun(joining: boolean): Promise<number[]> {
  const text = await readFile(RUNS, 'utf8').catch(() => '[]');
  const listed = (JSON.parse(text) as number[]).filter((pid) => pid !== process.pid && isAlive(pid));
  const runs = joining ? [...listed, process.pid] : listed;
  if (runs.length === 0) await rm(RUNS, { force: true });
  else await writeFile(RUNS, JSON.stringify(runs), { mode: 0o644 });
  return runs;
}

/**
 * Root's builder list, as the tests need it: the stand-in bib must be allowed to run privileged,
 * exactly as a person's real bib is (the helper reads only this root-owned file, never a request
 * or an environment variable). A list already there is kept aside and put back by
 * restoreBuilderList. Pins of earlier stand-in images go: the stand-in is rebuilt when its sources
 * change, and a rebuilt image under an old tag is a different image.
 */
export async function allowStandinBuilders(): Promise<void> {
  if (process.getuid?.() !== 0) return; // the tests that need it say they need root
  await mkdir(dirname(BUILDERS_CONF), { recursive: true, mode: 0o755 });
  // Two test commands at once (a developer's, and a CI check of a fresh clone) share this file.
  await registerRun(true);
  const current = await readFile(BUILDERS_CONF, 'utf8').catch(() => null);
  if (current?.startsWith(MARK)) return; // another run set it up, or one before did not end cleanly
  if (current !== null) await rename(BUILDERS_CONF, BACKUP);
  const kept = current === null ? DEFAULT_BUILDERS : [current.trimEnd()];
  await writeFile(BUILDERS_CONF, `${MARK}\n${kept.join('\n')}\n${STANDIN_BUILDERS}\n`, { mode: 0o644 });
  await forgetStandinPins();
}

/** Puts root's own list back (or removes the test list when there was none), once no other run uses it. */
export async function restoreBuilderList(): Promise<void> {
  if (process.getuid?.() !== 0) return;
  if ((await registerRun(false)).length > 0) return;
  const current = await readFile(BUILDERS_CONF, 'utf8').catch(() => null);
  if (!current?.startsWith(MARK)) return;
  const backup = await readFile(BACKUP, 'utf8').catch(() => null);
  if (backup === null) {
    await rm(BUILDERS_CONF, { force: true });
    await rmdir(dirname(BUILDERS_CONF)).catch(() => {}); // only if the tests made it (it is empty then)
  } else await rename(BACKUP, BUILDERS_CONF);
  await forgetStandinPins();
}

async function forgetStandinPins(): Promise<void> {
  const text = await readFile(PINS, 'utf8').catch(() => null);
  if (text === null) return;
  const pins = JSON.parse(text) as Record<string, string>;
  const kept = Object.fromEntries(
    Object.entries(pins).filter(([ref]) => !ref.startsWith(`${STANDIN_BUILDERS}:`)),
  );
  await writeFile(PINS, `${JSON.stringify(kept, null, 2)}\n`, { mode: 0o600 });
}
