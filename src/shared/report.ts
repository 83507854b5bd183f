import { z } from 'zod';
import { JobResultSchema } from './flash';

/** An audit report: one flash or verify job, as stored in the app data directory. */
export const AuditReportSchema = JobResultSchema.extend({
  id: z.string(),
  createdAt: z.string(),
  app: z.object({ name: z.literal('bootstick'), version: z.string() }),
});
export type AuditReport = z.infer<typeof AuditReportSchema>;
