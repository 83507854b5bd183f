import type { EventPayload } from '../../shared/api';
import { ElevationError, HelperCallError } from '../privileged/helperClient';

/** Why a job never ran, as flashFinished carries it: a refusal keeps its per-drive reasons. */
export function jobErrorShape(error: unknown): NonNullable<EventPayload<'flashFinished'>['error']> {
  if (error instanceof HelperCallError && error.error.code === 'refused')
    return { code: 'refused', message: error.message, refusals: error.error.refusals };
  if (error instanceof ElevationError) return { code: 'elevation', message: error.message };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}
