import { mkdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ROOT_STATE_DIR } from '../../src/helper/safety/privateJobFolder';
import { BUILDERS_CONF, DEFAULT_BUILDERS } from '../../src/shared/diskImages/builderPolicy';

/** The repository every stand-in bib image the tests build lives under (podmanFixtures). */
export const STANDIN_BUILDERS = 'localhost/bootstick-test/bib-standin';
const MARK = '# Written by the Bootstick test suite for its stand-in bib; restored when the run ends.';
const BACKUP = `${BUILDERS_CONF}.bootstick-tests-backup`;
const PINS = join(ROOT_STATE_DIR, 'builder-pins.json');

/**
 * Root's builder list, as the tests need it: the stand-in bib must be allowed to run privileged,
 * exactly as a person's real bib is (the helper reads only this root-owned file, never a request
 * or an environment variable). A list already there is kept aside and put back by
 * restoreBuilderList. Pins of earlier stand-in images go: the stand-in is rebuilt when its sources
 * change, and a rebuilt image under an old tag is a different image.
 */
export async function allowStandinBuilders(): Promise<void> {
  if (process.getuid?.() !== 0) return; // the tests that need it say they need root
  const current = await readFile(BUILDERS_CONF, 'utf8').catch(() => null);
  if (current?.startsWith(MARK)) return; // a run before this one set it up and did not end cleanly
  await mkdir(dirname(BUILDERS_CONF), { recursive: true, mode: 0o755 });
  if (current !== null) await rename(BUILDERS_CONF, BACKUP);
  const kept = current === null ? DEFAULT_BUILDERS : [current.trimEnd()];
  await writeFile(BUILDERS_CONF, `${MARK}\n${kept.join('\n')}\n${STANDIN_BUILDERS}\n`, { mode: 0o644 });
  await forgetStandinPins();
}

/** Puts root's own list back (or removes the test list when there was none). */
export async function restoreBuilderList(): Promise<void> {
  if (process.getuid?.() !== 0) return;
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
