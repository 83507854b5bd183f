import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDiskImageService } from '../../src/core/diskImages/diskImageService';
import { createSharedHelper } from '../../src/core/privileged/sharedHelper';
import type { BuildProgress } from '../../src/shared/diskImages/buildProgress';
import type { BuildRecord } from '../../src/shared/diskImages/buildRecord';
import { DEFAULT_SETTINGS, type Settings } from '../../src/shared/settings';
import { startTestHelper } from './helperSession';
import { CONTAINERS_CONF } from './podman';

export type TimedBuildProgress = BuildProgress & { at: number };

/**
 * main's real build service on the real (built) helper, running real rootful podman: what the
 * Build step and `bootstick build` use, with every event it emits kept for the test to read.
 */
export async function startBuildSession(settings: Partial<Settings> = {}) {
  // Root's podman on this host needs the test containers.conf; the helper inherits it as root.
  process.env.CONTAINERS_CONF = CONTAINERS_CONF;
  const dataDir = await mkdtemp(join(tmpdir(), 'bootstick-data-'));
  const outputRoot = await mkdtemp(join(tmpdir(), 'bootstick-builds-'));
  const helper = createSharedHelper(startTestHelper);
  const progress: TimedBuildProgress[] = [];
  const logs = new Map<string, string[]>();
  const finished: BuildRecord[] = [];
  const service = createDiskImageService({
    dataDir,
    getSettings: () => ({ ...DEFAULT_SETTINGS, buildOutputDir: outputRoot, ...settings }),
    helper: helper.get,
    events: {
      progress: (event) => progress.push({ ...event, at: Date.now() }),
      log: (buildId, lines) => logs.set(buildId, [...(logs.get(buildId) ?? []), ...lines.map((l) => l.line)]),
      finished: (record) => finished.push(record),
    },
  });
  return {
    service,
    dataDir,
    outputRoot,
    helper,
    progressOf: (buildId: string) => progress.filter((event) => event.buildId === buildId),
    logOf: (buildId: string) => logs.get(buildId) ?? [],
    finished,
    async close() {
      await helper.dispose();
      await rm(dataDir, { recursive: true, force: true });
      await rm(outputRoot, { recursive: true, force: true });
    },
  };
}

export type BuildSession = Awaited<ReturnType<typeof startBuildSession>>;
