import { randomBytes } from 'node:crypto';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BibRunRequest, BibRunResult, BuildLogLine, ImageFacts } from '../../shared/diskImages/bibRun';
import type { BuildProgress } from '../../shared/diskImages/buildProgress';
import type { BuildRecord, BuildRequest, PreflightCheck } from '../../shared/diskImages/buildRecord';
import { artifactPath } from '../../shared/diskImages/imageTypes';
import type { Settings } from '../../shared/settings';
import { ElevationError, type HelperClient } from '../privileged/helperClient';
import { parseBibHelpFlags } from './bibOutput/bibHelpFlags';
import { bibWarning } from './bibOutput/bibWarnings';
import { classifyBibFailure } from './bibOutput/classifyBibFailure';
import { parseManifestStagesOrNull } from './bibOutput/manifestStages';
import { phaseFraction } from './bibOutput/progressBands';
import { VerboseProgressTracker } from './bibOutput/verboseProgress';
import { buildCacheKey, openBuildCache } from './buildCache';
import { type BuildFailure, buildFailure } from './buildFailure';
import { saveBuildRecord } from './buildHistory';
import { createBuildLogBuffer } from './buildLogBuffer';
import {
  createBuildOutputFolder,
  defaultBuildOutputRoot,
  prepareNamedOutputFolder,
} from './buildOutputFolder';
import { buildRecordOf } from './buildRecordOf';
import { diskImageHelperCalls } from './helperCalls';
import { passwordHashes, passwordsMatch } from './passwordShape';
import { preflightWithPulls } from './preflightWithPulls';
import { type PreparedBuild, prepareBuildRequest } from './prepareBuildRequest';

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

/** What a running build needs for cancel to reach it: a flag, and the helper job running now. */
interface RunState {
  cancelled: boolean;
  helperJob: string | null;
}

/**
 * Orchestrates one build: preflight (with pulls when asked), feature detection of the bib image,
 * the cache, `bib manifest` for the stage list, then `bib build` with stage-accurate progress,
 * and a record in the history whatever the outcome. All podman work happens in the privileged
 * helper; this side parses, records and decides.
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

  /** Runs one helper job as the build's current one, so a cancel reaches it. */
  async function asCurrentJob<T>(state: RunState, jobId: string, job: () => Promise<T>): Promise<T> {
    state.helperJob = jobId;
    try {
      return await job();
    } finally {
      state.helperJob = null;
    }
  }

  async function run(buildId: string, prepared: PreparedBuild): Promise<BuildRecord> {
    const { request, config } = prepared;
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
    const report = (next: Partial<BuildProgress>) => {
      progress = { ...progress, ...next, fraction: Math.max(progress.fraction, next.fraction ?? 0) };
      options.events.progress(progress);
    };
    let tracker: VerboseProgressTracker | null = null;
    let firstBuildLineAt: number | null = null;
    const onLine = (line: BuildLogLine) => {
      if (!line.jobId.startsWith(buildId)) return;
      const fromBuild = line.jobId.endsWith('-build');
      if (fromBuild && firstBuildLineAt === null) firstBuildLineAt = Date.now();
      log.push({ stream: line.stream, line: line.line });
      const warning = bibWarning(line.line);
      if (warning && !warnings.includes(warning)) warnings.push(warning);
      const update = fromBuild ? tracker?.feed(line.stream, line.line) : null;
      if (update) report(update);
    };
    let detach = () => {};
    const warnings: string[] = [];

    const result = {
      preflight: [] as PreflightCheck[],
      source: null as ImageFacts | null,
      bib: null as ImageFacts | null,
      outputDir: null as string | null,
      createdOutputDir: false,
      artifact: null as string | null,
      cacheKey: null as string | null,
      outcome: 'failed' as BuildRecord['outcome'],
      failure: null as BuildFailure | null,
    };
    const fail = async (failure: BuildFailure) => {
      result.failure = failure;
      return finish();
    };

    try {
      report({
        phase: 'preflight',
        fraction: phaseFraction('preflight'),
        message: 'Checking podman, images and disk space',
      });
      const client = await options.helper();
      detach = client.onBuildLog(onLine);
      const calls = diskImageHelperCalls(client);
      const checked = await preflightWithPulls({
        calls,
        refs: { source: request.sourceImage, bib: bibRef },
        outputRoot,
        pullMissing: request.pullMissing && !state.cancelled,
        pull: (which, ref) =>
          asCurrentJob(state, `${buildId}-pull-${which}`, () => calls.pull(`${buildId}-pull-${which}`, ref)),
        onPulling: (ref) =>
          report({ phase: 'pulling', fraction: phaseFraction('pulling'), message: `Pulling ${ref}` }),
      });
      Object.assign(result, {
        preflight: checked.checks,
        source: checked.facts.source,
        bib: checked.facts.bib,
      });
      progress = { ...progress, preflight: checked.checks };
      const { source, bib } = checked.facts;
      if (checked.failure) return await fail(checked.failure);
      if (state.cancelled) return await fail(buildFailure('cancelled'));
      if (!source?.id || !bib?.id) throw new Error('podman gave no image id.');
      if (!request.bibImage && !settings.bibImageDigest && bib.digest?.includes('@sha256:')) {
        await options.pinBibImage?.(bib.digest);
      }

      result.cacheKey = buildCacheKey({
        sourceDigest: source.id,
        bibDigest: bib.id,
        configShapeSha256: prepared.configShapeSha256,
        type: request.type,
        targetArch: request.targetArch ?? null,
        rootfs: request.rootfs ?? null,
      });
      const hit = await cache.lookup(result.cacheKey, (entry) =>
        passwordsMatch(prepared.given, entry.passwordHashes),
      );
      if (hit) {
        Object.assign(result, { outputDir: hit.outputDir, artifact: hit.artifact, outcome: 'cached' });
        report({ phase: 'done', fraction: 1, message: `Reused the identical build ${hit.buildId}` });
        return await finish();
      }

      // What this bib accepts matters only to `build`: ask while `bib manifest` runs.
      const knownFlags = flagsByBibImage.get(bib.id);
      const flagsAsked = knownFlags
        ? Promise.resolve(knownFlags)
        : calls.bibHelp(bibRef).then(parseBibHelpFlags);
      flagsAsked.catch(() => {}); // awaited below; a failure must not go unhandled meanwhile
      const bibRun = (
        mode: 'manifest' | 'build',
        flags: Set<string>,
        outputDir?: string,
      ): Promise<BibRunResult> => {
        const params: BibRunRequest = {
          jobId: `${buildId}-${mode}`,
          mode,
          // By name: the helper runs only builders root allows, as the image id it pinned for them.
          bibImage: bibRef,
          sourceImage: request.sourceImage,
          type: request.type,
          ...(request.rootfs ? { rootfs: request.rootfs } : {}),
          ...(request.targetArch ? { targetArch: request.targetArch } : {}),
          config,
          ...(outputDir ? { outputDir } : {}),
          bibFlags: [...flags],
        };
        return asCurrentJob(state, params.jobId, () => calls.runBib(params));
      };
      const failureOf = (ran: BibRunResult) =>
        ran.cancelled || state.cancelled
          ? buildFailure('cancelled')
          : ran.exitCode !== 0
            ? classifyBibFailure({ exitCode: ran.exitCode, signal: ran.signal, lines: ran.tail })
            : null;

      report({
        phase: 'manifest',
        fraction: phaseFraction('manifest'),
        message: 'Reading the build plan (bib manifest)',
      });
      const manifest = await bibRun('manifest', new Set());
      const manifestFailure = failureOf(manifest);
      if (manifestFailure) return await fail(manifestFailure);
      tracker = new VerboseProgressTracker(buildId, parseManifestStagesOrNull(manifest.stdout, options.log));

      if (request.outputDir) {
        const named = await prepareNamedOutputFolder(request.outputDir).catch((error: Error) => error);
        if (named instanceof Error) return await fail(buildFailure('outputNotWritable', named.message));
        Object.assign(result, { outputDir: named.dir, createdOutputDir: named.created });
      } else {
        const dir = await createBuildOutputFolder(outputRoot, buildId, request.type);
        Object.assign(result, { outputDir: dir, createdOutputDir: true });
      }
      const outputDir = result.outputDir as string;
      // bib build regenerates the manifest first; the tracker moves on to building from its lines.
      report({
        phase: 'manifest',
        fraction: phaseFraction('manifest', 0.5),
        message: 'Starting bootc-image-builder',
      });
      const flags = await flagsAsked;
      flagsByBibImage.set(bib.id, flags);
      const built = await bibRun('build', flags, outputDir);
      const buildFailed = failureOf(built);
      if (buildFailed) return await fail(buildFailed);
      const artifact = join(outputDir, artifactPath(request.type));
      if (!(await stat(artifact).catch(() => null))?.isFile()) {
        return await fail(
          buildFailure('osbuildFailed', `bib finished but wrote no ${artifactPath(request.type)}.`),
        );
      }
      Object.assign(result, { artifact, outcome: 'succeeded' });
      await cache.remember(result.cacheKey, {
        buildId,
        artifact,
        outputDir,
        passwordHashes: passwordHashes(config),
      });
      report({ phase: 'done', fraction: 1, message: 'Build complete' });
      return await finish();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return await fail(buildFailure(error instanceof ElevationError ? 'elevation' : 'internal', message));
    } finally {
      log.close();
      detach();
      running.delete(buildId);
    }

    async function finish(): Promise<BuildRecord> {
      const { failure } = result;
      if (failure) {
        result.outcome = failure.code === 'cancelled' ? 'cancelled' : 'failed';
        report({ phase: result.outcome === 'cancelled' ? 'cancelled' : 'failed', message: failure.message });
        // The helper hands outputs over only after a success (and takes back a half-done hand-over);
        // remove the folder if we made it.
        if (result.outputDir && result.createdOutputDir)
          await rm(result.outputDir, { recursive: true, force: true });
        result.outputDir = null;
      }
      const record = await buildRecordOf({
        buildId,
        prepared,
        bibRef,
        startedAt,
        firstBuildLineAt,
        findings: { ...result, warnings },
      });
      log.close();
      const saved = await saveBuildRecord(options.dataDir, record, log.text());
      options.events.finished(saved);
      return saved;
    }
  }

  return {
    async start(request) {
      const prepared = prepareBuildRequest(request);
      const buildId = newBuildId();
      void run(buildId, prepared).catch((error) =>
        options.log?.(`build ${buildId} crashed: ${String(error)}`),
      );
      return { buildId };
    },
    async run(request, onStart) {
      const prepared = prepareBuildRequest(request);
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
