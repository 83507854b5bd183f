import { z } from 'zod';

/**
 * Why a drive may or may not be written. Each code has one fixed severity (see REASON_SEVERITY);
 * the renderer and CLI turn codes into words, so a verdict never depends on a locale.
 */
export const ReasonCodeSchema = z.enum([
  'system',
  'inUse',
  'raidMember',
  'readOnly',
  'noMedia',
  'holdsImage',
  'tooSmall',
  'large',
  'virtual',
]);
export type ReasonCode = z.infer<typeof ReasonCodeSchema>;

export type Severity = 'refuse' | 'warn' | 'info';

export const REASON_SEVERITY: Record<ReasonCode, Severity> = {
  system: 'refuse',
  inUse: 'refuse',
  raidMember: 'refuse',
  readOnly: 'refuse',
  noMedia: 'refuse',
  holdsImage: 'refuse',
  tooSmall: 'refuse',
  large: 'warn',
  virtual: 'info',
};

export const ReasonSchema = z.object({
  code: ReasonCodeSchema,
  /** Facts behind the reason, for the words shown: mountpoints, holders, sizes. */
  detail: z.string().optional(),
});
export type Reason = z.infer<typeof ReasonSchema>;

export const VerdictStatusSchema = z.enum(['selectable', 'warning', 'refused']);
export type VerdictStatus = z.infer<typeof VerdictStatusSchema>;

export const VerdictSchema = z.object({
  status: VerdictStatusSchema,
  /** System drives are listed only under an explicit "show hidden drives". */
  hidden: z.boolean(),
  reasons: z.array(ReasonSchema),
});
export type Verdict = z.infer<typeof VerdictSchema>;

export const DriveViewSchema = z.object({
  path: z.string(),
  description: z.string(),
  size: z.number().nullable(),
  bus: z.string(),
  removable: z.boolean(),
  virtual: z.boolean(),
  readOnly: z.boolean(),
  mountpoints: z.array(z.string()),
  /** For a virtual (loop) drive: the file behind it. */
  backingFile: z.string().nullable(),
  verdict: VerdictSchema,
});
export type DriveView = z.infer<typeof DriveViewSchema>;
