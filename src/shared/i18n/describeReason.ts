import type { Reason } from '../drives/driveView';
import { formatBytes } from '../format/formatBytes';

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Reasons whose detail is a byte count, shown as a size. */
const SIZE_DETAILS = new Set(['tooSmall', 'large']);

/** One safety reason in words, in whatever language `translate` speaks. */
export function describeReason(reason: Reason, translate: Translate, locale = 'en'): string {
  const { code, detail } = reason;
  if (detail === undefined) return translate(`drives.reason.${code}`);
  const shown = SIZE_DETAILS.has(code) ? formatBytes(Number(detail), locale) : detail;
  const key =
    code === 'system' || code === 'raidMember' ? `drives.reason.${code}_detail` : `drives.reason.${code}`;
  return translate(key, { detail: shown });
}
