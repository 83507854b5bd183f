import { z } from 'zod';

/** Drives the caller asks the helper to power off: only ones the helper itself wrote qualify. */
export const EjectDrivesRequestSchema = z
  .object({
    drives: z
      .array(z.string().regex(/^\/dev\/[a-z0-9]{1,32}$/))
      .min(1)
      .max(64),
  })
  .strict();
export type EjectDrivesRequest = z.infer<typeof EjectDrivesRequestSchema>;

/**
 * What became of each drive: powered off (safe to pull), not powered off (the drive cannot be:
 * a virtual drive, or no udisks — pull it once its light is off), or refused with the reason.
 */
export const EjectOutcomeSchema = z.object({
  drive: z.string(),
  outcome: z.enum(['poweredOff', 'notPoweredOff', 'refused']),
  /** Why not: a virtual drive, no udisks (or it refused), not written by Bootstick, mounted, unsafe now. */
  reason: z.enum(['virtual', 'cannotPowerOff', 'notWritten', 'mounted', 'unsafe']).nullable(),
  /** The helper's words (English), for the log and the CLI. */
  message: z.string().nullable(),
});
export type EjectOutcome = z.infer<typeof EjectOutcomeSchema>;

export const EjectDrivesResultSchema = z.object({ drives: z.array(EjectOutcomeSchema) });
export type EjectDrivesResult = z.infer<typeof EjectDrivesResultSchema>;
