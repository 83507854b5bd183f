import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { BuildLogLine } from '../../shared/diskImages/bibRun';
import type { BuildProgress } from '../../shared/diskImages/buildProgress';
import type { BuildRecord, BuildRequest } from '../../shared/diskImages/buildRecord';
import type { Settings } from '../../shared/settings';
import { ElevationError, type HelperClient } from '../privileged/helperClient';
import { bibWarning } from './bibOutput/bibWarnings';
import { phaseFraction } from './bibOutput/progressBands';
import { openBuildCache } from './buildCache';
import { type BuildFailure, buildFailure } from './buildFailure';
import { saveBuildRecord } from './buildHistory';
import { createBuildLogBuffer } from './buildLogBuffer';
import { defaultBuildOutputRoot } from './buildOutputFolder';
import {
  type BuildFindings,
  type BuildRun,
  cachePhase,
  diskImagePhase,
  manifestPhase,
  outputPhase,
  preflightPhase,
  type RunState,
} from './buildPhases';
import { buildRecordOf } from './buildRecordOf';
import { diskImageHelperCalls } from './helperCalls';
import { type PreparedBuild, prepareBuildRequest } from './prepareBuildRequest';
import { tagForTracking } from './tagForTracking';

export interface BuildEvents {
  progress(progress: BuildProgress): void;
  log(buildId: string, lines: Omit<BuildLogLine, 'jobId'>[]): void;
  finished(record: BuildRecord): void;
}

export interface DiskImageService {
  /** Starts a build; its progress, log and end arrive as events. Refuses a bad blueprint at once. */
  start(request: BuildRequest): Promise<{ buildId: string }>;
  /** Runs a build to its end (the CLI): the same steps, awaited; onStart gets the id at once. */
  run(request: BuildRequest, onStart?: (buildId: string) => void): Promise<BuildRecord>;
  cancel(buildId: string): Promise<boolean>;
}

/**
 * Orchestrates one build as phases (buildPhases.ts): preflight (with pulls when asked), the cache,
 * `bib manifest` for the stage list (the builder's flags asked meanwhile), the output folder, then
 * `bib build` with stage-accurate progress; and a record in the history whatever the outcome. All
 * podman work happens in the privileged helper; this side parses, records and decides.
 */
export function createDiskImageService(options: {
  dataDir: string;
  getSettings: () => Settings;
  helper: () => Promise<HelperClient>;
  events: BuildEvents;
  log?: (message: string) => void;
  /** Remembers the digest the configured bib image resolved to (the bibImageDigest setting). */
  pinBibImage?: (digest: string) => Promise<unknown>;
}): DiskImageService {
  const cache = openBuildCache(options.dataDir);
  const running = new Map<string, RunState>();
  const flagsByBibImage = new Map<string, Set<string>>();

  async function run(buildId: string, prepared: PreparedBuild): Promise<BuildRecord> {
    const { request } = prepared;
    const startedAt = new Date();
    const state: RunState = { cancelled: false, helperJob: null };
    running.set(buildId, state);
    const settings = options.getSettings();
    // The setting's image runs as the digest it had when first used, until the person changes it.
    const bibRef = request.bibImage ?? settings.bibImageDigest ?? settings.bibImage;
    const outputRoot =
      request.outputDir ?? request.outputRoot ?? settings.buildOutputDir ?? defaultBuildOutputRoot();
    const log = createBuildLogBuffer((lines) => options.events.log(buildId, lines));
    let progress: BuildProgress = { buildId, phase: 'preflight', stage: null, fraction: 0, message: '' };
    const note = (next: Partial<BuildProgress>) => {
      progress = { ...progress, ...next, fraction: Math.max(progress.fraction, next.fraction ?? 0) };
    };
    const warnings: string[] = [];
    let firstBuildLineAt: number | null = null;
    let detach = () => {};
    const findings: BuildFindings = {
      preflight: [],
      source: null,
      bib: null,
      outputDir: null,
      createdOutputDir: false,
      artifact: null,
      cacheKey: null,
      outcome: 'failed',
      failure: null,
    };

    async function finish(): Promise<BuildRecord> {
      const { failure } = findings;
      if (failure) {
        findings.outcome = failure.code === 'cancelled' ? 'cancelled' : 'failed';
        buildRun.report({
          phase: findings.outcome === 'cancelled' ? 'cancelled' : 'failed',
          message: failure.message,
        });
        // The helper hands outputs over only after a success (and takes back a half-done hand-over);
        // remove the folder if we made it.
        if (findings.outputDir && findings.createdOutputDir)
          await rm(findings.outputDir, { recursive: true, force: true });
        findings.outputDir = null;
      }
      const record = await buildRecordOf({
        buildId,
        prepared,
        bibRef,
        startedAt,
        firstBuildLineAt,
        findings: { ...findings, warnings },
      });
      log.close();
      const saved = await saveBuildRecord(options.dataDir, record, log.text());
      options.events.finished(saved);
      return saved;
    }
    const fail = (failure: BuildFailure) => {
      findings.failure = failure;
      return finish();
    };

    const buildRun: BuildRun = {
      buildId,
      prepared,
      state,
      calls: null as never, // set once the helper is there
      bibRef,
      outputRoot,
      findings,
      tracker: null,
      note,
      warn(message) {
        if (!warnings.includes(message)) warnings.push(message);
      },
      report(next) {
        note(next);
        options.events.progress(progress);
      },
      ...(options.log ? { log: options.log } : {}),
    };
    const onLine = (line: BuildLogLine) => {
      if (!line.jobId.startsWith(buildId)) return;
      const fromBuild = line.jobId.endsWith('-build');
      if (fromBuild && firstBuildLineAt === null) firstBuildLineAt = Date.now();
      log.push({ stream: line.stream, line: line.line });
      const warning = bibWarning(line.line);
      if (warning && !warnings.includes(warning)) warnings.push(warning);
      const update = fromBuild ? buildRun.tracker?.feed(line.stream, line.line) : null;
      if (update) buildRun.report(update);
    };

    try {
      buildRun.report({
        phase: 'preflight',
        fraction: phaseFraction('preflight'),
        message: 'Checking podman, images and disk space',
      });
      const client = await options.helper();
      detach = client.onBuildLog(onLine);
      buildRun.calls = diskImageHelperCalls(client);

      const preflight = await preflightPhase(buildRun, request.pullMissing);
      if ('failure' in preflight) return await fail(preflight.failure);
      const images = preflight.next;
      if (!request.bibImage && !settings.bibImageDigest && images.bib.digest?.includes('@sha256:')) {
        await options.pinBibImage?.(images.bib.digest);
      }
      if (await cachePhase(buildRun, cache, images)) return await finish();

      const manifest = await manifestPhase(buildRun, images, flagsByBibImage);
      if ('failure' in manifest) return await fail(manifest.failure);
      const output = await outputPhase(buildRun);
      if ('failure' in output) return await fail(output.failure);
      const built = await diskImagePhase(buildRun, cache, manifest.next, output.next);
      if ('failure' in built) return await fail(built.failure);
      return await finish();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return await fail(buildFailure(error instanceof ElevationError ? 'elevation' : 'internal', message));
    } finally {
      log.close();
      detach();
      running.delete(buildId);
    }
  }

  return {
    async start(request) {
      const prepared = await tagForTracking(prepareBuildRequest(request), options.helper);
      const buildId = newBuildId();
      void run(buildId, prepared).catch((error) =>
        options.log?.(`build ${buildId} crashed: ${String(error)}`),
      );
      return { buildId };
    },
    async run(request, onStart) {
      const prepared = await tagForTracking(prepareBuildRequest(request), options.helper);
      const buildId = newBuildId();
      onStart?.(buildId);
      return run(buildId, prepared);
    },
    async cancel(buildId) {
      const state = running.get(buildId);
      if (!state) return false;
      state.cancelled = true;
      if (state.helperJob) await diskImageHelperCalls(await options.helper()).cancel(state.helperJob);
      return true;
    },
  };
}

function newBuildId(): string {
  return `build-${randomBytes(6).toString('hex')}`;
}
