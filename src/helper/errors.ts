/**
 * A request the helper will not carry out, for a reason the person can act on: nothing was done
 * (or, for a job, nothing more). Sent back as `code: 'refused'` with this message; anything else
 * thrown is an internal error.
 */
export class HelperRefusal extends Error {}
