import { z } from 'zod';
import { SlotSchema, SlotViewSchema, StationCountersSchema } from './stationSlots';

/** A drive seen now and the port it is in: how a person picks the ports to arm. */
export const PortSeenSchema = z.object({
  drive: z.string(),
  description: z.string(),
  size: z.number().nullable(),
  /** null: in no port a station can arm (not on USB). */
  port: z.string().nullable(),
});
export type PortSeen = z.infer<typeof PortSeenSchema>;

/** What the app sends to arm the station. */
export const ArmStationInputSchema = z
  .object({
    image: z.string().min(1),
    slots: z.array(SlotSchema.strict()).min(1).max(64),
    /** Disarm once this many sticks are done; null for no target. */
    target: z.number().int().min(1).max(100_000).nullable(),
    minBytes: z.number().int().nonnegative(),
    maxBytes: z.number().int().positive(),
    verify: z.boolean(),
    eject: z.boolean(),
  })
  .strict()
  .refine((input) => input.minBytes <= input.maxBytes, {
    message: 'The smallest stick size must not be larger than the largest.',
  })
  .refine((input) => new Set(input.slots.map((slot) => slot.port)).size === input.slots.length, {
    message: 'A port is armed twice.',
  });
export type ArmStationInput = z.infer<typeof ArmStationInputSchema>;

/** The whole station as the tool page shows it, sent again on every change. */
export const StationStateSchema = z.object({
  armed: z.boolean(),
  paused: z.boolean(),
  image: z.string().nullable(),
  slots: z.array(SlotViewSchema),
  counters: StationCountersSchema,
  /** Drives that appeared in ports that are not armed: shown, never touched. */
  unarmedDrives: z.array(z.object({ drive: z.string(), port: z.string().nullable() })),
  /** Why the drives cannot be listed now (no stick put in is seen until they can); null: they can. */
  listingProblem: z.string().nullable(),
});
export type StationState = z.infer<typeof StationStateSchema>;
