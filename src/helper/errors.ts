import type { Refusal } from '../shared/flash';

/**
 * A request the helper will not carry out, for a reason the person can act on: nothing was done
 * (or, for a job, nothing more). Sent back as `code: 'refused'` with this message; anything else
 * thrown is an internal error.
 */
export class HelperRefusal extends Error {}

/** A flash or verify refused as a whole, with every reason (a drive, the image): nothing was written. */
export class RefusedError extends HelperRefusal {
  constructor(readonly refusals: Refusal[]) {
    super(refusals.map((refusal) => refusal.message).join(' '));
  }
}
