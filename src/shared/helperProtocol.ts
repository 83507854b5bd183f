import { z } from 'zod';
import { DriveViewSchema } from './drives/driveView';

/**
 * The privileged helper's protocol: one JSON object per line on its stdin (requests) and its
 * stdout (responses). Every request is validated here before the helper acts on it.
 */
export const HelperRequestSchema = z.discriminatedUnion('method', [
  z.object({ id: z.number().int().nonnegative(), method: z.literal('hello') }).strict(),
  z
    .object({
      id: z.number().int().nonnegative(),
      method: z.literal('listDrives'),
      params: z.object({ includeVirtual: z.boolean() }).strict(),
    })
    .strict(),
]);
export type HelperRequest = z.infer<typeof HelperRequestSchema>;

export const HelloResultSchema = z.object({
  protocol: z.literal(1),
  uid: z.number().int(),
  pid: z.number().int(),
});
export const ListDrivesResultSchema = z.array(DriveViewSchema);

export const HelperResponseSchema = z.union([
  z.object({ id: z.number().int(), ok: z.literal(true), result: z.unknown() }),
  z.object({
    /** null when the request was too broken to carry an id. */
    id: z.number().int().nullable(),
    ok: z.literal(false),
    error: z.object({ code: z.string(), message: z.string() }),
  }),
]);
export type HelperResponse = z.infer<typeof HelperResponseSchema>;
