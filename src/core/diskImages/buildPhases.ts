import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { validateBlueprint } from '../../shared/blueprint/validateBlueprint';
import type { BibRunRequest, BibRunResult, ImageFacts } from '../../shared/diskImages/bibRun';
import type { BuildProgress } from '../../shared/diskImages/buildProgress';
import type { BuildRecord, PreflightCheck } from '../../shared/diskImages/buildRecord';
import { artifactPath, exportPipeline } from '../../shared/diskImages/imageTypes';
import { OSBUILD_STORE } from '../../shared/diskImages/osbuildStore';
import { builderKind, parseBibHelpFlags } from './bibOutput/bibHelpFlags';
import { classifyBibFailure } from './bibOutput/classifyBibFailure';
import { parseManifestStagesOrNull } from './bibOutput/manifestStages';
import { phaseFraction } from './bibOutput/progressBands';
import { VerboseProgressTracker } from './bibOutput/verboseProgress';
import { buildCacheKey, type openBuildCache } from './buildCache';
import { type BuildFailure, buildFailure } from './buildFailure';
import { createBuildOutputFolder, prepareNamedOutputFolder } from './buildOutputFolder';
import type { DiskImageHelperCalls } from './helperCalls';
import { passwordHashes, passwordsMatch } from './passwordShape';
import { preflightWithPulls } from './preflightWithPulls';
import type { PreparedBuild } from './prepareBuildRequest';

export type BuildCache = ReturnType<typeof openBuildCache>;

/** What a running build needs for cancel to reach it: a flag, and the helper job running now. */
export interface RunState {
  cancelled: boolean;
  helperJob: string | null;
}

/** What a build found out so far; its record is made from this whatever the outcome. */
export interface BuildFindings {
  preflight: PreflightCheck[];
  source: ImageFacts | null;
  bib: ImageFacts | null;
  outputDir: string | null;
  createdOutputDir: boolean;
  artifact: string | null;
  cacheKey: string | null;
  outcome: BuildRecord['outcome'];
  failure: BuildFailure | null;
}

/** One build on its way through the phases: what they share and where they report. */
export interface BuildRun {
  buildId: string;
  prepared: PreparedBuild;
  state: RunState;
  calls: DiskImageHelperCalls;
  /** The builder image by name (the helper runs only names root allows, as the id it pinned). */
  bibRef: string;
  outputRoot: string;
  findings: BuildFindings;
  report(next: Partial<BuildProgress>): void;
  /** Keeps `next` in the progress without sending an event (the next one carries it). */
  note(next: Partial<BuildProgress>): void;
  /** A warning for the record (once), beside the ones bib prints. */
  warn(message: string): void;
  /** The progress parser for `bib build`, once the manifest gave the stage list. */
  tracker: VerboseProgressTracker | null;
  log?: (message: string) => void;
}

/** A phase either fails the build or hands the next phase what it needs. */
export type Phase<T> = { failure: BuildFailure } | { next: T };
const failed = (failure: BuildFailure): { failure: BuildFailure } => ({ failure });

/** Runs one helper job as the build's current one, so a cancel reaches it. */
async function asCurrentJob<T>(run: BuildRun, jobId: string, job: () => Promise<T>): Promise<T> {
  run.state.helperJob = jobId;
  try {
    return await job();
  } finally {
    run.state.helperJob = null;
  }
}

/** The two images a build runs, known present (their ids) once preflight passed. */
export interface BuildImages {
  source: ImageFacts & { id: string };
  bib: ImageFacts & { id: string };
}

/** Preflight: podman, both images (pulled when asked), space and the output folder. */
export async function preflightPhase(run: BuildRun, pullMissing: boolean): Promise<Phase<BuildImages>> {
  const { buildId, calls, state } = run;
  const checked = await preflightWithPulls({
    calls,
    refs: { source: run.prepared.request.sourceImage, bib: run.bibRef },
    outputRoot: run.outputRoot,
    checks: {
      ...(run.prepared.request.targetArch ? { targetArch: run.prepared.request.targetArch } : {}),
      storeDir: OSBUILD_STORE,
    },
    pullMissing: pullMissing && !state.cancelled,
    pull: (which, ref) =>
      asCurrentJob(run, `${buildId}-pull-${which}`, () =>
        // The source is pulled for the architecture asked for; the builder runs on this computer.
        calls.pull(
          `${buildId}-pull-${which}`,
          ref,
          which === 'source' ? run.prepared.request.targetArch : undefined,
        ),
      ),
    onPulling: (ref) =>
      run.report({ phase: 'pulling', fraction: phaseFraction('pulling'), message: `Pulling ${ref}` }),
  });
  Object.assign(run.findings, {
    preflight: checked.checks,
    source: checked.facts.source,
    bib: checked.facts.bib,
  });
  run.note({ preflight: checked.checks });
  const { source, bib } = checked.facts;
  if (checked.failure) return failed(checked.failure);
  if (state.cancelled) return failed(buildFailure('cancelled'));
  if (!source?.id || !bib?.id) throw new Error('podman gave no image id.');
  return { next: { source: { ...source, id: source.id }, bib: { ...bib, id: bib.id } } };
}

/** The cache: an identical earlier build (same images, config shape, passwords) is reused at once. */
export async function cachePhase(run: BuildRun, cache: BuildCache, images: BuildImages): Promise<boolean> {
  const { request } = run.prepared;
  run.findings.cacheKey = buildCacheKey({
    sourceDigest: images.source.id,
    sourceRef: request.sourceImage,
    bibDigest: images.bib.id,
    configShapeSha256: run.prepared.configShapeSha256,
    type: request.type,
    targetArch: request.targetArch ?? null,
    rootfs: request.rootfs ?? null,
  });
  const hit = await cache.lookup(run.findings.cacheKey, (entry) =>
    passwordsMatch(run.prepared.given, entry.passwordHashes),
  );
  if (!hit) return false;
  Object.assign(run.findings, { outputDir: hit.outputDir, artifact: hit.artifact, outcome: 'cached' });
  run.report({ phase: 'done', fraction: 1, message: `Reused the identical build ${hit.buildId}` });
  return true;
}

/** One bib run through the helper, as the build's current job. */
function bibRun(run: BuildRun, mode: 'manifest' | 'build', flags: Set<string>, outputDir?: string) {
  const { request, config } = run.prepared;
  const params: BibRunRequest = {
    jobId: `${run.buildId}-${mode}`,
    mode,
    bibImage: run.bibRef,
    sourceImage: request.sourceImage,
    type: request.type,
    ...(request.rootfs ? { rootfs: request.rootfs } : {}),
    ...(request.targetArch ? { targetArch: request.targetArch } : {}),
    config,
    ...(outputDir ? { outputDir } : {}),
    bibFlags: [...flags],
  };
  return asCurrentJob(run, params.jobId, () => run.calls.runBib(params));
}

function failureOf(run: BuildRun, ran: BibRunResult): BuildFailure | null {
  if (ran.cancelled || run.state.cancelled) return buildFailure('cancelled');
  if (ran.exitCode !== 0)
    return classifyBibFailure({ exitCode: ran.exitCode, signal: ran.signal, lines: ran.tail });
  return null;
}

/**
 * `bib manifest`: the stage list progress is computed from. The builder's flags (its
 * `build --help`) are asked meanwhile, once per builder image; they matter to `build` only.
 */
export async function manifestPhase(
  run: BuildRun,
  images: BuildImages,
  knownFlags: Map<string, Set<string>>,
): Promise<Phase<Promise<Set<string>>>> {
  const known = knownFlags.get(images.bib.id);
  const flags = known
    ? Promise.resolve(known)
    : run.calls.bibHelp(run.bibRef).then((help) => {
        const parsed = parseBibHelpFlags(help);
        knownFlags.set(images.bib.id, parsed);
        return parsed;
      });
  flags.catch(() => {}); // awaited by the build phase; a failure must not go unhandled meanwhile
  run.report({
    phase: 'manifest',
    fraction: phaseFraction('manifest'),
    message: 'Reading the build plan (bib manifest)',
  });
  const manifest = await bibRun(run, 'manifest', new Set());
  const failure = failureOf(run, manifest);
  if (failure) return failed(failure);
  // Only the stages osbuild runs for this type's export count toward the bar.
  const exported = exportPipeline(run.prepared.request.type);
  run.tracker = new VerboseProgressTracker(
    run.buildId,
    parseManifestStagesOrNull(manifest.stdout, run.log, exported),
  );
  return { next: flags };
}

/** The output folder: the one the person named (made if missing), or a new one per build. */
export async function outputPhase(run: BuildRun): Promise<Phase<string>> {
  const { request } = run.prepared;
  if (request.outputDir) {
    const named = await prepareNamedOutputFolder(request.outputDir).catch((error: Error) => error);
    if (named instanceof Error) return failed(buildFailure('outputNotWritable', named.message));
    Object.assign(run.findings, { outputDir: named.dir, createdOutputDir: named.created });
    return { next: named.dir };
  }
  const dir = await createBuildOutputFolder(run.outputRoot, run.buildId, request.type);
  Object.assign(run.findings, { outputDir: dir, createdOutputDir: true });
  return { next: dir };
}

/** `bib build` into the output folder; the artifact must be there afterwards. */
export async function diskImagePhase(
  run: BuildRun,
  cache: BuildCache,
  flags: Promise<Set<string>>,
  outputDir: string,
): Promise<Phase<string>> {
  const { request, config } = run.prepared;
  // bib build regenerates the manifest first; the tracker moves on to building from its lines.
  run.report({
    phase: 'manifest',
    fraction: phaseFraction('manifest', 0.5),
    message: 'Starting bootc-image-builder',
  });
  const flagsOfBuilder = await flags;
  // What this builder does with the blueprint that the form could not know before asking it.
  const builder = builderKind(flagsOfBuilder);
  for (const problem of validateBlueprint(config, { imageType: request.type, builder })) {
    const key = problem.words?.key ?? '';
    if (problem.severity === 'warning' && (key.startsWith('iso.') || key.startsWith('successor.'))) {
      run.warn(problem.message);
    }
  }
  const built = await bibRun(run, 'build', flagsOfBuilder, outputDir);
  const failure = failureOf(run, built);
  if (failure) return failed(failure);
  const artifact = join(outputDir, artifactPath(request.type));
  if (!(await stat(artifact).catch(() => null))?.isFile()) {
    return failed(buildFailure('osbuildFailed', `bib finished but wrote no ${artifactPath(request.type)}.`));
  }
  Object.assign(run.findings, { artifact, outcome: 'succeeded' });
  await cache.remember(run.findings.cacheKey as string, {
    buildId: run.buildId,
    artifact,
    outputDir,
    passwordHashes: passwordHashes(config),
  });
  run.report({ phase: 'done', fraction: 1, message: 'Build complete' });
  return { next: artifact };
}
