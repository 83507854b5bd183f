import type { DriveJobError } from '../../shared/jobs';
import { ElevationError, HelperCallError } from '../privileged/helperClient';

/** Why a flash or verify never ran, as jobFinished carries it: a refusal keeps its per-drive reasons. */
export function jobErrorShape(error: unknown): DriveJobError {
  if (error instanceof HelperCallError && error.error.code === 'refused')
    return { code: 'refused', message: error.message, refusals: error.error.refusals };
  if (error instanceof ElevationError) return { code: 'elevation', message: error.message };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}
