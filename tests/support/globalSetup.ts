import { allowStandinBuilders, restoreBuilderList } from './testBuilders';

/** Once per test run (integration, e2e, electron): root's builder list allows the stand-in bib. */
export async function setup(): Promise<void> {
  await allowStandinBuilders();
}

export async function teardown(): Promise<void> {
  await restoreBuilderList();
}
