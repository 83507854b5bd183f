import { createHash, randomBytes } from 'node:crypto';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type Blueprint, BlueprintSchema } from '../../shared/blueprint/blueprintSchema';
import {
  type BibRunResult,
  BibRunResultSchema,
  type BuildLogLine,
  type ImageFacts,
  ImageFactsSchema,
  PodmanStatusSchema,
} from '../../shared/build/bibRun';
import type { BuildProgress } from '../../shared/build/buildProgress';
import {
  type BuildRecord,
  type BuildRequest,
  BuildRequestSchema,
  type ParsedBuildRequest,
  type PreflightCheck,
} from '../../shared/build/buildRecord';
import { artifactPath } from '../../shared/build/imageTypes';
import { PullResultSchema } from '../../shared/helperProtocol';
import type { Settings } from '../../shared/settings';
import { prepareForExport } from '../blueprint/exportBlueprint';
import { ElevationError, type HelperClient } from '../helper/helperClient';
import { parseBibHelpFlags } from './bibOutput/bibHelpFlags';
import { classifyBibFailure } from './bibOutput/classifyBibFailure';
import { ManifestParseError, parseManifestStages } from './bibOutput/manifestStages';
import { phaseFraction } from './bibOutput/progressBands';
import { VerboseProgressTracker } from './bibOutput/verboseProgress';
import { buildCacheKey, openBuildCache } from './buildCache';
import { type BuildFailure, buildFailure } from './buildFailure';
import { saveBuildRecord } from './buildHistory';
import {
  createBuildOutputFolder,
  defaultBuildOutputRoot,
  prepareNamedOutputFolder,
} from './buildOutputFolder';
import { canonicalJson } from './canonicalJson';
import { passwordHashes, passwordsMatch, withoutPasswords } from './passwordShape';
import { runPreflight } from './preflight';

export interface BuildEvents {
  progress(progress: BuildProgress): void;
  log(buildId: string, lines: Omit<BuildLogLine, 'jobId'>[]): void;
  finished(record: BuildRecord): void;
}

export interface BuildService {
  /** Starts a build; its progress, log and end arrive as events. */
  start(request: BuildRequest): Promise<{ buildId: string }>;
  /** Runs a build to its end (the CLI): the same steps, awaited; onStart gets the id at once. */
  run(request: BuildRequest, onStart?: (buildId: string) => void): Promise<BuildRecord>;
  cancel(buildId: string): Promise<boolean>;
}

/** How often buffered log lines are sent on: a bib build prints thousands of lines. */
const LOG_FLUSH_MS = 200;

/**
 * Orchestrates one build: preflight, pulls when asked, feature detection of the bib image, the
 * cache, `bib manifest` for the stage list, then `bib build` with stage-accurate progress. All
 * podman work happens in the privileged helper; this side parses, records and decides.
 */
export function createBuildService(options: {
  dataDir: string;
  getSettings: () => Settings;
  helper: () => Promise<HelperClient>;
  events: BuildEvents;
  log?: (message: string) => void;
}): BuildService {
  const cache = openBuildCache(options.dataDir);
  const running = new Map<string, { cancelled: boolean; helperJob: string | null }>();
  const flagsByBibImage = new Map<string, Set<string>>();

  /** Refuses a bad request before a build id exists; hashes passwords before anything else. */
  async function prepare(input: BuildRequest): Promise<Prepared> {
    const request: ParsedBuildRequest = BuildRequestSchema.parse(input);
    // Validated with the same rules as the form (refused with every problem), then hashed: from
    // here on no plain password exists anywhere (record, log, config file).
    const context = { imageType: request.type, ...(request.rootfs ? { rootfs: request.rootfs } : {}) };
    const config = prepareForExport(request.config, context);
    return {
      request,
      given: BlueprintSchema.parse(request.config),
      config,
      configSha256: sha256(canonicalJson(config)),
      configShapeSha256: sha256(canonicalJson(withoutPasswords(config))),
    };
  }

  async function run(buildId: string, prepared: Prepared): Promise<BuildRecord> {
    const { request, configSha256 } = prepared;
    const config = prepared.config;
    const startedAt = new Date();
    const state = { cancelled: false, helperJob: null as string | null };
    running.set(buildId, state);
    const settings = options.getSettings();
    const bibRef = request.bibImage ?? settings.bibImage;
    const outputRoot =
      request.outputDir ?? request.outputRoot ?? settings.buildOutputDir ?? defaultBuildOutputRoot();
    const logLines: string[] = [];
    let pending: Omit<BuildLogLine, 'jobId'>[] = [];
    const flush = () => {
      if (pending.length > 0) options.events.log(buildId, pending);
      pending = [];
    };
    const timer = setInterval(flush, LOG_FLUSH_MS);
    let progress: BuildProgress = {
      buildId,
      phase: 'preflight',
      stage: null,
      fraction: 0,
      message: 'Checking',
    };
    const report = (next: Partial<BuildProgress>) => {
      progress = { ...progress, ...next, fraction: Math.max(progress.fraction, next.fraction ?? 0) };
      options.events.progress(progress);
    };
    let tracker: VerboseProgressTracker | null = null;
    let firstBuildLineAt: number | null = null;
    const onLine = (line: BuildLogLine) => {
      if (!line.jobId.startsWith(buildId)) return;
      if (line.jobId.endsWith('-build') && firstBuildLineAt === null) firstBuildLineAt = Date.now();
      logLines.push(`${line.stream === 'stderr' ? '!' : ' '} ${line.line}`);
      pending.push({ stream: line.stream, line: line.line });
      const update = line.jobId.endsWith('-build') ? tracker?.feed(line.stream, line.line) : null;
      if (update) report(update);
    };
    let detach = () => {};

    let preflight: PreflightCheck[] = [];
    let source: ImageFacts | null = null;
    let bib: ImageFacts | null = null;
    let outputDir: string | null = null;
    let createdOutputDir = false;
    let artifact: string | null = null;
    let cacheKey: string | null = null;
    let outcome: BuildRecord['outcome'] = 'failed';
    let failure: BuildFailure | null = null;
    try {
      report({
        phase: 'preflight',
        fraction: phaseFraction('preflight'),
        message: 'Checking podman, images and disk space',
      });
      const client = await options.helper();
      detach = client.onBuildLog(onLine);
      const probe = {
        podmanStatus: async () => PodmanStatusSchema.parse(await client.call({ method: 'podmanStatus' })),
        inspectImage: async (ref: string) =>
          ImageFactsSchema.parse(await client.call({ method: 'inspectImage', params: { ref } })),
      };
      let checked = await runPreflight(probe, { source: request.sourceImage, bib: bibRef }, outputRoot);
      for (const [id, ref] of [
        ['sourceImage', request.sourceImage],
        ['bibImage', bibRef],
      ] as const) {
        const check = checked.checks.find((entry) => entry.id === id);
        const absent = id === 'sourceImage' ? !checked.facts.source?.present : !checked.facts.bib?.present;
        if (check && !check.ok && absent && request.pullMissing && !state.cancelled) {
          report({ phase: 'pulling', fraction: phaseFraction('pulling'), message: `Pulling ${ref}` });
          const pulled = await pull(
            client,
            `${buildId}-pull-${id === 'sourceImage' ? 'source' : 'bib'}`,
            ref,
            state,
          );
          if (!pulled.ok) {
            failure = state.cancelled
              ? buildFailure('cancelled')
              : buildFailure(
                  id === 'sourceImage' ? 'sourceImageMissing' : 'bibImageMissing',
                  pulled.tail.join('\n'),
                );
            break;
          }
        }
      }
      if (!failure)
        checked = await runPreflight(probe, { source: request.sourceImage, bib: bibRef }, outputRoot);
      preflight = checked.checks;
      source = checked.facts.source;
      bib = checked.facts.bib;
      failure ??= preflightFailure(preflight);
      if (failure) return await finish();
      if (!source?.digest || !bib?.id) throw new Error('podman gave no image id.');

      // Pin bib by what it is now: the cache key and every later build use this exact image.
      const bibRunRef = bib.id;
      cacheKey = buildCacheKey({
        sourceDigest: source.id ?? source.digest,
        bibDigest: bib.id,
        configShapeSha256: prepared.configShapeSha256,
        type: request.type,
        targetArch: request.targetArch ?? null,
        rootfs: request.rootfs ?? null,
      });
      const hit = await cache.lookup(cacheKey, (entry) =>
        passwordsMatch(prepared.given, entry.passwordHashes),
      );
      if (hit) {
        outputDir = hit.outputDir;
        artifact = hit.artifact;
        outcome = 'cached';
        report({ phase: 'done', fraction: 1, message: `Reused the identical build ${hit.buildId}` });
        return await finish();
      }

      let flags = flagsByBibImage.get(bib.id);
      if (!flags) {
        flags = parseBibHelpFlags(
          String(await client.call({ method: 'bibHelp', params: { bibImage: bibRunRef } })),
        );
        flagsByBibImage.set(bib.id, flags);
      }
      const common = {
        bibImage: bibRunRef,
        sourceImage: request.sourceImage,
        type: request.type,
        ...(request.rootfs ? { rootfs: request.rootfs } : {}),
        ...(request.targetArch ? { targetArch: request.targetArch } : {}),
        config,
        bibFlags: [...flags],
      };

      report({
        phase: 'manifest',
        fraction: phaseFraction('manifest'),
        message: 'Reading the build plan (bib manifest)',
      });
      const manifest = await runBib(client, state, {
        ...common,
        jobId: `${buildId}-manifest`,
        mode: 'manifest',
      });
      if (state.cancelled) {
        failure = buildFailure('cancelled');
        return await finish();
      }
      if (manifest.exitCode !== 0) {
        failure = classifyBibFailure({
          exitCode: manifest.exitCode,
          signal: manifest.signal,
          lines: manifest.tail,
        });
        return await finish();
      }
      tracker = new VerboseProgressTracker(buildId, stagesOrNull(manifest.stdout, options.log));

      if (request.outputDir) {
        const named = await prepareNamedOutputFolder(request.outputDir).catch((error: Error) => {
          failure = buildFailure('outputNotWritable', error.message);
          return null;
        });
        if (!named) return await finish();
        outputDir = named.dir;
        createdOutputDir = named.created;
      } else {
        outputDir = await createBuildOutputFolder(outputRoot, buildId, request.type);
        createdOutputDir = true;
      }
      // bib build regenerates the manifest first; the tracker moves on to building from its lines.
      report({
        phase: 'manifest',
        fraction: phaseFraction('manifest', 0.5),
        message: 'Starting bootc-image-builder',
      });
      const built = await runBib(client, state, {
        ...common,
        jobId: `${buildId}-build`,
        mode: 'build',
        outputDir,
      });
      if (built.cancelled || state.cancelled) {
        failure = buildFailure('cancelled');
      } else if (built.exitCode !== 0) {
        failure = classifyBibFailure({ exitCode: built.exitCode, signal: built.signal, lines: built.tail });
      } else {
        const candidate = join(outputDir, artifactPath(request.type));
        const stats = await stat(candidate).catch(() => null);
        if (!stats?.isFile()) {
          failure = buildFailure('osbuildFailed', `bib finished but wrote no ${artifactPath(request.type)}.`);
        } else {
          artifact = candidate;
          outcome = 'succeeded';
          await cache.remember(cacheKey, {
            buildId,
            artifact,
            outputDir,
            passwordHashes: passwordHashes(config),
          });
          report({ phase: 'done', fraction: 1, message: 'Build complete' });
        }
      }
      return await finish();
    } catch (error) {
      failure =
        error instanceof ElevationError
          ? buildFailure('elevation', error.message)
          : buildFailure('internal', error instanceof Error ? error.message : String(error));
      return await finish();
    } finally {
      clearInterval(timer);
      flush();
      detach();
      running.delete(buildId);
    }

    async function finish(): Promise<BuildRecord> {
      if (failure) {
        outcome = failure.code === 'cancelled' ? 'cancelled' : 'failed';
        report({ phase: outcome === 'cancelled' ? 'cancelled' : 'failed', message: failure.message });
        // The helper already emptied a failed build's folder; remove the folder itself.
        if (outputDir && createdOutputDir) await rm(outputDir, { recursive: true, force: true });
        outputDir = null;
      }
      const artifactBytes = artifact ? ((await stat(artifact).catch(() => null))?.size ?? null) : null;
      const record: BuildRecord = {
        id: buildId,
        request: {
          sourceImage: request.sourceImage,
          type: request.type,
          rootfs: request.rootfs ?? null,
          targetArch: request.targetArch ?? null,
          bibImage: bibRef,
        },
        sourceDigest: source?.digest ?? null,
        bibDigest: bib?.digest ?? null,
        configSha256,
        cacheKey,
        startedAt: startedAt.toISOString(),
        endedAt: new Date().toISOString(),
        containerStartMs: firstBuildLineAt === null ? null : firstBuildLineAt - startedAt.getTime(),
        outcome,
        error: failure,
        preflight,
        outputDir,
        artifact,
        artifactBytes,
        logFile: null,
        warnings: [],
      };
      flush();
      const saved = await saveBuildRecord(options.dataDir, record, `${logLines.join('\n')}\n`);
      options.events.finished(saved);
      return saved;
    }
  }

  async function runBib(
    client: HelperClient,
    state: { helperJob: string | null },
    params: Parameters<typeof bibCall>[1],
  ): Promise<BibRunResult> {
    state.helperJob = params.jobId;
    try {
      return await bibCall(client, params);
    } finally {
      state.helperJob = null;
    }
  }

  async function pull(client: HelperClient, jobId: string, ref: string, state: { helperJob: string | null }) {
    state.helperJob = jobId;
    try {
      return PullResultSchema.parse(await client.call({ method: 'pullImage', params: { jobId, ref } }));
    } finally {
      state.helperJob = null;
    }
  }

  return {
    async start(request) {
      const prepared = await prepare(request);
      const buildId = newBuildId();
      void run(buildId, prepared).catch((error) =>
        options.log?.(`build ${buildId} crashed: ${String(error)}`),
      );
      return { buildId };
    },
    async run(request, onStart) {
      const prepared = await prepare(request);
      const buildId = newBuildId();
      onStart?.(buildId);
      return run(buildId, prepared);
    },
    async cancel(buildId) {
      const state = running.get(buildId);
      if (!state) return false;
      state.cancelled = true;
      if (state.helperJob) {
        const client = await options.helper();
        await client.call({ method: 'cancel', params: { jobId: state.helperJob } });
      }
      return true;
    },
  };
}

interface Prepared {
  request: ParsedBuildRequest;
  /** The blueprint as given (passwords maybe plain): only compared, never stored or sent. */
  given: Blueprint;
  /** The blueprint bib gets: validated, every password hashed. */
  config: Blueprint;
  configSha256: string;
  configShapeSha256: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function newBuildId(): string {
  return `build-${randomBytes(6).toString('hex')}`;
}

async function bibCall(
  client: HelperClient,
  params: Extract<Parameters<HelperClient['call']>[0], { method: 'runBib' }>['params'],
): Promise<BibRunResult> {
  return BibRunResultSchema.parse(await client.call({ method: 'runBib', params }));
}

function preflightFailure(checks: PreflightCheck[]): BuildFailure | null {
  const failed = checks.find((check) => !check.ok);
  if (!failed) return null;
  const code = (
    {
      podman: 'podmanMissing',
      rootful: 'podmanNotRootful',
      sourceImage: 'sourceImageMissing',
      sourceIsBootc: 'notBootcImage',
      bibImage: 'bibImageMissing',
      outputWritable: 'outputNotWritable',
      freeSpace: 'notEnoughSpace',
    } as const
  )[failed.id];
  // The check's own words name the image or folder; they beat the code's general sentence.
  return { ...buildFailure(code), message: failed.message, fix: failed.fix ?? buildFailure(code).fix };
}

/** A manifest we cannot read costs the percentage, not the build: stages are then only counted. */
function stagesOrNull(text: string, log?: (message: string) => void) {
  try {
    return parseManifestStages(text);
  } catch (error) {
    if (!(error instanceof ManifestParseError)) throw error;
    log?.(`bib manifest unreadable, progress without percentages: ${error.message}`);
    return null;
  }
}
