import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JobResult } from '../../shared/flash';
import { type AuditReport, AuditReportSchema } from '../../shared/report';
import { writeFileAtomic } from '../store/writeFileAtomic';

declare const __APP_VERSION__: string | undefined;

const reportsDir = (dataDir: string) => join(dataDir, 'reports');
const VALID_ID = /^[0-9TZ-]+-[A-Za-z0-9_-]{1,64}$/;

/** Where a report of this id is kept. */
export const reportFile = (dataDir: string, id: string) => join(reportsDir(dataDir), `${id}.json`);

/** Stores the audit report of a finished job (private file, atomic write); returns it. */
export async function saveReport(dataDir: string, result: JobResult, now = new Date()): Promise<AuditReport> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const report: AuditReport = {
    ...result,
    id: `${stamp}-${result.jobId}`,
    createdAt: now.toISOString(),
    app: { name: 'bootstick', version: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev' },
  };
  await writeFileAtomic(reportFile(dataDir, report.id), `${JSON.stringify(report, null, 2)}\n`);
  return report;
}

/** A stored report, or null for a file that is missing, not JSON, or not a report. */
async function readReportFile(path: string): Promise<AuditReport | null> {
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const parsed = AuditReportSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Every stored report, newest first. Files that do not parse are skipped, never deleted. */
export async function listReports(dataDir: string): Promise<AuditReport[]> {
  const files = await readdir(reportsDir(dataDir)).catch(() => []);
  const reports = await Promise.all(
    files
      .filter((file) => file.endsWith('.json'))
      .map((file) => readReportFile(join(reportsDir(dataDir), file))),
  );
  return reports
    .filter((report): report is AuditReport => report !== null)
    .sort((a, b) => b.id.localeCompare(a.id));
}

export async function readReport(dataDir: string, id: string): Promise<AuditReport | null> {
  return VALID_ID.test(id) ? readReportFile(reportFile(dataDir, id)) : null;
}
