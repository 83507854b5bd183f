import type { PushFailure } from './pushImage';
import type { CompareRefusal } from './updateCalls';

/**
 * The `updates.*` words for each reason a comparison or a push could not be answered, shared by
 * the CLI (`bootstick update diff`, `bootstick push`) and the Update tool so both say the same.
 */
export const COMPARE_REFUSAL_WORDS: Record<CompareRefusal, string> = {
  badReference: 'updates.badReference',
  notFound: 'updates.notFound',
  unreachable: 'updates.registryUnreachable',
  tls: 'updates.tlsFailed',
  unauthorized: 'updates.unauthorized',
  other: 'updates.unreadable',
  noArchitecture: 'updates.noArchitecture',
};

export const PUSH_FAILURE_WORDS: Record<PushFailure, string> = {
  unknownImage: 'updates.push.unknownImage',
  authFileUnreadable: 'updates.push.authFileUnreadable',
  unreachable: 'updates.registryUnreachable',
  tls: 'updates.tlsFailed',
  unauthorized: 'updates.unauthorized',
  notFound: 'updates.push.failed',
  other: 'updates.push.failed',
};
