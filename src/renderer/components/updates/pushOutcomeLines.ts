import type { Translate } from '../../../shared/i18n/describeReason';
import type { PushFinished as PushEnd } from '../../../shared/jobs';
import { PUSH_FAILURE_WORDS } from '../../../shared/updates/updateWords';
import { inAppWords } from './inAppWords';

/**
 * A push's end in words, line by line, as `bootstick push` says it: what was pushed (with the
 * digest the registry holds), why it failed, and where the moving tag points now.
 */
export function pushOutcomeLines(end: PushEnd, t: Translate): string[] {
  const { request, result, error } = end;
  const tag = request.movingTag ?? '';
  const values = {
    image: request.image,
    ref: request.destination,
    tag,
    path: '',
    detail: result?.detail ?? '',
  };
  if (!result) return [t('updates.tool.notStarted', { message: error?.message ?? '' })];
  if (result.cancelled) return [t('updates.push.cancelled', values)];
  const lines: string[] = [];
  if (result.digest)
    lines.push(t('updates.push.pushed', { ...values, ref: `${request.destination} (${result.digest})` }));
  if (result.failure) lines.push(t(inAppWords(PUSH_FAILURE_WORDS[result.failure]), values));
  if (result.movedTag) lines.push(t('updates.push.movedTag', values));
  else if (tag) lines.push(t('updates.push.tagKept', values));
  return lines;
}
