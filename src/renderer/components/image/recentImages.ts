import type { BuildRecord } from '../../../shared/diskImages/buildRecord';
import type { AuditReport } from '../../../shared/report';

export interface RecentImage {
  path: string;
  /** When it was last flashed or built (ISO 8601). */
  at: string;
  from: 'flash' | 'build';
}

/**
 * The disk image files a person used lately, newest first, each once: the images of flash jobs and
 * the artifacts of successful builds, from History. Whether a file is still there is main's to say
 * when it is chosen; this list only remembers.
 */
export function recentImages(reports: AuditReport[], builds: BuildRecord[], limit = 5): RecentImage[] {
  const seen = new Map<string, RecentImage>();
  const candidates: RecentImage[] = [
    ...reports
      .filter((report) => report.kind === 'flash')
      .map((report) => ({ path: report.image.path, at: report.createdAt, from: 'flash' as const })),
    ...builds.flatMap((build) =>
      (build.outcome === 'succeeded' || build.outcome === 'cached') && build.artifact
        ? [{ path: build.artifact, at: build.endedAt, from: 'build' as const }]
        : [],
    ),
  ];
  for (const candidate of candidates.sort((a, b) => b.at.localeCompare(a.at))) {
    if (!seen.has(candidate.path)) seen.set(candidate.path, candidate);
  }
  return [...seen.values()].slice(0, limit);
}
