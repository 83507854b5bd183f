import { z } from 'zod';

/** An image in root's storage, as skopeo reads it there: its manifest and config, verbatim. */
export const LocalImageRawSchema = z.discriminatedUnion('present', [
  z.object({ present: z.literal(false) }),
  z.object({ present: z.literal(true), manifest: z.string(), config: z.string() }),
]);
export type LocalImageRaw = z.infer<typeof LocalImageRawSchema>;
