import { stat } from 'node:fs/promises';
import type { ImageFacts } from '../../shared/diskImages/bibRun';
import type { BuildRecord, PreflightCheck } from '../../shared/diskImages/buildRecord';
import type { BuildFailure } from './buildFailure';
import type { PreparedBuild } from './prepareBuildRequest';

/** What one build found out as it went, gathered into its record at the end. */
export interface BuildFindings {
  preflight: PreflightCheck[];
  source: ImageFacts | null;
  bib: ImageFacts | null;
  outputDir: string | null;
  artifact: string | null;
  cacheKey: string | null;
  outcome: BuildRecord['outcome'];
  failure: BuildFailure | null;
  warnings: string[];
}

/** The history record of a build: its request, the digests it used, its outcome and its timings. */
export async function buildRecordOf(options: {
  buildId: string;
  prepared: PreparedBuild;
  bibRef: string;
  startedAt: Date;
  /** When the bib build container printed its first line (null when none ran). */
  firstBuildLineAt: number | null;
  findings: BuildFindings;
}): Promise<BuildRecord> {
  const { buildId, prepared, bibRef, startedAt, firstBuildLineAt, findings } = options;
  const { request } = prepared;
  const artifactBytes = findings.artifact
    ? ((await stat(findings.artifact).catch(() => null))?.size ?? null)
    : null;
  return {
    id: buildId,
    request: {
      sourceImage: request.sourceImage,
      type: request.type,
      rootfs: request.rootfs ?? null,
      targetArch: request.targetArch ?? null,
      bibImage: bibRef,
    },
    sourceDigest: findings.source?.digest ?? null,
    bibDigest: findings.bib?.digest ?? null,
    configSha256: prepared.configSha256,
    cacheKey: findings.cacheKey,
    startedAt: startedAt.toISOString(),
    endedAt: new Date().toISOString(),
    containerStartMs: firstBuildLineAt === null ? null : firstBuildLineAt - startedAt.getTime(),
    outcome: findings.outcome,
    error: findings.failure,
    preflight: findings.preflight,
    outputDir: findings.outputDir,
    artifact: findings.artifact,
    artifactBytes,
    logFile: null,
    warnings: findings.warnings,
  };
}
