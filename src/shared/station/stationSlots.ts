import { z } from 'zod';

/**
 * A slot is one physical USB port chain, keyed by what udev calls ID_PATH up to the USB port
 * ("pci-0000:00:14.0-usb-0:2.3"), named by the person ("hub A, 3"). Loop drives stand in for
 * sticks in tests only: their key is "loop:<backing file>".
 */
export const SlotSchema = z.object({
  port: z.string().min(1),
  name: z.string().min(1).max(80),
});
export type Slot = z.infer<typeof SlotSchema>;

export const StationLayoutSchema = z.object({
  name: z.string().min(1).max(80),
  slots: z.array(SlotSchema).min(1).max(64),
});
export type StationLayout = z.infer<typeof StationLayoutSchema>;

/** What one slot is doing now, as the grid shows it. */
export const SlotPhaseSchema = z.enum([
  'empty',
  'waiting',
  'writing',
  'verifying',
  'done',
  'failed',
  'refused',
]);
export type SlotPhase = z.infer<typeof SlotPhaseSchema>;

/**
 * Why a drive that appeared in a slot was not written: a drive reason of the flash path
 * (ReasonCodeSchema) or one of the station's own (station.reason.* words).
 */
export const StationRefusalSchema = z.object({
  code: z.string(),
  detail: z.string().optional(),
});
export type StationRefusal = z.infer<typeof StationRefusalSchema>;

export const SlotViewSchema = z.object({
  port: z.string(),
  name: z.string(),
  phase: SlotPhaseSchema,
  drive: z.string().nullable(),
  /** Bytes per second while writing or verifying. */
  speed: z.number().nullable(),
  bytes: z.number(),
  total: z.number(),
  /** Below 1 MiB/s while writing. */
  slow: z.boolean(),
  /** No progress for the stall time (20 s) while writing or verifying. */
  stalled: z.boolean(),
  reasons: z.array(StationRefusalSchema),
  /** A failure's own words. */
  error: z.string().nullable(),
});
export type SlotView = z.infer<typeof SlotViewSchema>;

export const StationCountersSchema = z.object({
  done: z.number(),
  failed: z.number(),
  refused: z.number(),
  inProgress: z.number(),
  target: z.number().nullable(),
});
export type StationCounters = z.infer<typeof StationCountersSchema>;

/** The thresholds a station slot is judged by are those of every drive's progress. */
export { SLOW_BELOW_BYTES_PER_SECOND, STALL_AFTER_MS } from '../drives/driveTempo';
