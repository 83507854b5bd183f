import { ReasonCodeSchema } from '../drives/driveView';
import { formatBytes } from '../format/formatBytes';
import { describeReason, type Translate } from '../i18n/describeReason';
import type { StationRefusal } from './stationSlots';

const SIZE_DETAILS = new Set(['belowRange', 'aboveRange']);

/** Why a stick in a slot was not written, in whatever language `translate` speaks. */
export function describeStationRefusal(reason: StationRefusal, translate: Translate, locale = 'en'): string {
  const drive = ReasonCodeSchema.safeParse(reason.code);
  if (drive.success) return describeReason({ code: drive.data, detail: reason.detail }, translate, locale);
  const detail =
    reason.detail !== undefined && SIZE_DETAILS.has(reason.code)
      ? formatBytes(Number(reason.detail), locale)
      : reason.detail;
  return translate(`station.reason.${reason.code}`, detail === undefined ? {} : { detail });
}
