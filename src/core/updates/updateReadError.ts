import type { RegistryFailure } from '../../shared/updates/registryFailure';
import { COMPARE_REFUSAL_WORDS } from '../../shared/updates/updateWords';

export type UpdateReadReason = RegistryFailure | 'noArchitecture';

/**
 * An image that could not be read for an update comparison, with the reason as a key of the
 * `updates` words (`notFound`, `tlsFailed`, …) so the CLI and the app each say it in their language.
 */
export class UpdateReadError extends Error {
  constructor(
    readonly reason: UpdateReadReason,
    readonly values: { ref: string; detail?: string; arch?: string },
  ) {
    super(`${reason}: ${values.ref}${values.detail ? ` (${values.detail})` : ''}`);
    this.name = 'UpdateReadError';
  }
}

/** The `updates.*` word key for each reason (the Update tool says the same). */
export const UPDATE_READ_WORDS: Record<UpdateReadReason, string> = COMPARE_REFUSAL_WORDS;
