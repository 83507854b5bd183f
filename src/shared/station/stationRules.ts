import { classifyDrive } from '../drives/classifyDrive';
import type { DriveFacts } from '../drives/driveFacts';
import type { StationRefusal } from './stationSlots';

export interface StationRuleContext {
  image: { size: number; diskPaths: readonly string[] };
  /** The armed size range of the sticks, in bytes. */
  minBytes: number;
  maxBytes: number;
  /** Loop drives stand in for USB sticks (tests, --virtual): their bus counts as USB. */
  allowVirtual: boolean;
}

/**
 * Every reason a drive that appeared in an armed slot may not be written without a question.
 * The flash path's own verdict (classifyDrive: system, in use, holds the image, too small,
 * read-only, no media) comes first; the station adds its stricter rules. [] means write it.
 * The helper re-checks the target itself before writing, whatever this says.
 */
export function stationRefusals(facts: DriveFacts, context: StationRuleContext): StationRefusal[] {
  const verdict = classifyDrive(facts, { image: context.image, largeDriveThresholdBytes: Infinity });
  const reasons: StationRefusal[] = verdict.reasons
    .filter((reason) => verdict.status === 'refused' && reason.code !== 'virtual' && reason.code !== 'large')
    .map((reason) => ({ code: reason.code, ...(reason.detail ? { detail: reason.detail } : {}) }));
  const usb = facts.busType === 'USB' || (context.allowVirtual && facts.virtual);
  if (!usb) reasons.push({ code: 'notUsb', detail: facts.busType });
  if (!facts.removable) reasons.push({ code: 'notRemovable' });
  if (facts.mountpoints.length > 0) reasons.push({ code: 'mounted', detail: facts.mountpoints.join(', ') });
  if (facts.size !== null && facts.size > 0 && facts.size < context.minBytes) {
    reasons.push({ code: 'belowRange', detail: String(context.minBytes) });
  }
  if (facts.size !== null && facts.size > context.maxBytes) {
    reasons.push({ code: 'aboveRange', detail: String(context.maxBytes) });
  }
  return reasons;
}
