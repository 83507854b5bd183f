import { arm64Parts } from './arm64Parts';
import { allowStandinBuilders, restoreBuilderList } from './testBuilders';

/**
 * Once per test run (integration, e2e, electron): root's builder list allows the stand-in bib, and
 * the arm64 boot fixture's Debian parts are fetched (once; cached) before test files run side by
 * side. A failure to fetch them fails only the tests that need them, in their own words.
 */
export async function setup(): Promise<void> {
  await allowStandinBuilders();
  await arm64Parts().catch((error: Error) => {
    process.stderr.write(`global setup: ${error.message}\n`);
  });
}

export async function teardown(): Promise<void> {
  await restoreBuilderList();
}
