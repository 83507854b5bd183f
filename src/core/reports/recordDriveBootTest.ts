import { BOOT_TEST_REFUSALS, type BootTestOutcome, type BootTestSummary } from '../../shared/bootTest';
import type { DriveBootTestResult } from '../../shared/driveBootTest';
import type { DriveIdentity } from '../../shared/flash';
import type { AuditReport } from '../../shared/report';
import { writeFileAtomic } from '../store/writeFileAtomic';
import { listReports, reportFile } from './reportStore';

/** Drive outcomes a boot test vouches for: the stick holds what the job put (or found) there. */
const VOUCHED = ['verified', 'written', 'matched'];

/** Outcomes that say nothing about the stick: the test never ran, or was stopped before it decided. */
const NOT_A_VERDICT: readonly BootTestOutcome[] = [...BOOT_TEST_REFUSALS, 'cancelled'];

/** The same stick: a /dev name alone is not (another stick in the same port gets it). */
function sameDrive(a: DriveIdentity, b: DriveIdentity): boolean {
  return a.path === b.path && a.serial === b.serial && a.size === b.size && a.model === b.model;
}

/** What the report keeps of a boot test; the console only when it did not boot (the reason). */
export function summarizeBootTest(result: DriveBootTestResult, at: Date): BootTestSummary {
  return {
    outcome: result.outcome,
    proof: result.proof,
    stage: result.stage,
    accelerator: result.accelerator,
    architecture: result.architecture,
    elapsedMs: result.elapsedMs,
    at: at.toISOString(),
    lastConsoleLines: result.outcome === 'booted' ? [] : result.lastConsoleLines.slice(-20),
    ...(result.login && {
      login: {
        user: result.login.user,
        loggedIn: result.login.loggedIn,
        checks: [...(result.login.bootcStatus ? [result.login.bootcStatus] : []), ...result.login.checks].map(
          ({ command, passed, exitCode }) => ({ command, passed, exitCode }),
        ),
      },
    }),
  };
}

/**
 * Adds a drive's boot test to the audit report of the latest job that wrote (or verified) that
 * very stick, so its report says whether it boots; a later test replaces an earlier one. Returns
 * that report, or null (nothing recorded) when the newest job on the stick does not vouch for it,
 * or the test never reached a verdict (refused, cancelled).
 */
export async function recordDriveBootTest(
  dataDir: string,
  result: DriveBootTestResult,
  now = new Date(),
): Promise<AuditReport | null> {
  if (NOT_A_VERDICT.includes(result.outcome)) return null;
  // The newest job that touched this stick, whatever became of it: if that job failed, the stick
  // no longer holds what an older report vouched for, and the test belongs to no report.
  const report = (await listReports(dataDir)).find((candidate) =>
    candidate.drives.some((outcome) => sameDrive(outcome.drive, result.drive)),
  );
  if (
    !report?.drives.some(
      (outcome) => VOUCHED.includes(outcome.status) && sameDrive(outcome.drive, result.drive),
    )
  )
    return null;
  const summary = summarizeBootTest(result, now);
  const updated: AuditReport = {
    ...report,
    drives: report.drives.map((outcome) =>
      VOUCHED.includes(outcome.status) && sameDrive(outcome.drive, result.drive)
        ? { ...outcome, bootTest: summary }
        : outcome,
    ),
  };
  await writeFileAtomic(reportFile(dataDir, report.id), `${JSON.stringify(updated, null, 2)}\n`);
  return updated;
}
