import type { DriveOutcome } from '../flash';
import type { DriveView } from './driveView';

/** The drives of a finished job to write again, judged afresh against the drives present now. */
export interface RetryPlan {
  /** Still present and allowed: these go to the confirmation. */
  drives: DriveView[];
  /** No longer connected (or renamed by the kernel): nothing to write to. */
  gone: string[];
  /** Present but now refused (too small for the image, mounted, write-protected…), with reasons. */
  refused: DriveView[];
}

/** Outcomes worth another try: the drive failed or was cancelled (a verified drive is done). */
export function failedOutcomes(outcomes: readonly DriveOutcome[]): DriveOutcome[] {
  return outcomes.filter((outcome) => outcome.status === 'failed' || outcome.status === 'cancelled');
}

/**
 * Re-judges the failed drives by the live drive list rather than by what the first job saw: a
 * stick pulled in between is gone, and one that is now refused is said to be so before anything
 * is asked. (The helper re-checks every target itself anyway; this is for the person's sake.)
 */
export function planRetry(outcomes: readonly DriveOutcome[], present: readonly DriveView[]): RetryPlan {
  const byPath = new Map(present.map((drive) => [drive.path, drive]));
  const plan: RetryPlan = { drives: [], gone: [], refused: [] };
  for (const outcome of failedOutcomes(outcomes)) {
    const drive = byPath.get(outcome.drive.path);
    if (!drive) plan.gone.push(outcome.drive.path);
    else if (drive.verdict.status === 'refused') plan.refused.push(drive);
    else plan.drives.push(drive);
  }
  return plan;
}
