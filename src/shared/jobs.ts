import { z } from 'zod';
import { BootTestEndSchema, BootTestProgressSchema, BootTestTargetSchema } from './bootTestJob';
import { ImageBuildFinishedSchema } from './containerImages/containerfileBuild';
import { BuildProgressSchema } from './diskImages/buildProgress';
import { BuildRecordSchema } from './diskImages/buildRecord';
import { AppErrorShapeSchema } from './errors';
import { DriveProgressSchema, RefusalSchema } from './flash';
import { AuditReportSchema } from './report';
import { PushResultSchema } from './updates/pushImage';
import { PushProgressSchema } from './updates/updateCalls';

/**
 * One model for every long job the app runs (flash, verify, disk image build, container image
 * build, push, boot test; next: station): an id, a kind, a state, progress, log lines, a result
 * or an error, reported through one set of three events (jobProgress, jobLog, jobFinished) that
 * one renderer store keeps by id. The kind says what the progress and the result hold.
 */
export const JobKindSchema = z.enum([
  'flash',
  'verify',
  'diskImageBuild',
  'containerImageBuild',
  'push',
  'bootTest',
]);
export type JobKind = z.infer<typeof JobKindSchema>;

export const JobStateSchema = z.enum(['running', 'succeeded', 'failed', 'cancelled']);
export type JobState = z.infer<typeof JobStateSchema>;

const jobId = z.string();

/** Why a flash or verify never ran, or could not finish (nothing written then). */
export const DriveJobErrorSchema = AppErrorShapeSchema.extend({
  refusals: z.array(RefusalSchema).optional(),
});
export type DriveJobError = z.infer<typeof DriveJobErrorSchema>;

/** A step of a job: one drive's progress (flash, verify), or a build's stage. */
export const JobProgressSchema = z.discriminatedUnion('kind', [
  z.object({ jobId, kind: z.literal('flash'), progress: DriveProgressSchema }),
  z.object({ jobId, kind: z.literal('verify'), progress: DriveProgressSchema }),
  z.object({ jobId, kind: z.literal('diskImageBuild'), progress: BuildProgressSchema }),
  z.object({ jobId, kind: z.literal('push'), progress: PushProgressSchema }),
  z.object({ jobId, kind: z.literal('bootTest'), progress: BootTestProgressSchema }),
]);
export type JobProgress = z.infer<typeof JobProgressSchema>;

/** Lines a job's tools printed since the last event (sent at most five times a second). */
export const JobLogSchema = z.object({
  jobId,
  kind: z.enum(['diskImageBuild', 'containerImageBuild', 'push', 'bootTest']),
  lines: z.array(z.object({ stream: z.enum(['stdout', 'stderr']), line: z.string() })),
});
export type JobLog = z.infer<typeof JobLogSchema>;

/** How a job ended, with what it made: the audit report, the build record, the built image. */
export const JobFinishedSchema = z.discriminatedUnion('kind', [
  z.object({
    jobId,
    kind: z.literal('flash'),
    state: JobStateSchema,
    report: AuditReportSchema.nullable(),
    error: DriveJobErrorSchema.nullable(),
  }),
  z.object({
    jobId,
    kind: z.literal('verify'),
    state: JobStateSchema,
    report: AuditReportSchema.nullable(),
    error: DriveJobErrorSchema.nullable(),
  }),
  z.object({ jobId, kind: z.literal('diskImageBuild'), state: JobStateSchema, record: BuildRecordSchema }),
  z.object({
    jobId,
    kind: z.literal('containerImageBuild'),
    state: JobStateSchema,
    end: ImageBuildFinishedSchema,
  }),
  z.object({
    jobId,
    kind: z.literal('push'),
    state: JobStateSchema,
    /** What was asked, so the end can be said in words (pushed as…, stable now points at…). */
    request: z.object({ image: z.string(), destination: z.string(), movingTag: z.string().nullable() }),
    /** The helper's answer; null when the push never reached it (then `error` says why). */
    result: PushResultSchema.nullable(),
    error: AppErrorShapeSchema.nullable(),
  }),
  z.object({
    jobId,
    kind: z.literal('bootTest'),
    state: JobStateSchema,
    target: BootTestTargetSchema,
    /** What the run found; null when it never ran (then `error` says why: a refused drive…). */
    result: BootTestEndSchema.nullable(),
    error: DriveJobErrorSchema.nullable(),
  }),
]);
export type JobFinished = z.infer<typeof JobFinishedSchema>;

/** A flash or verify job's state from its report: every drive good, all cancelled, or else failed. */
export function driveJobState(
  report: z.infer<typeof AuditReportSchema> | null,
  error: DriveJobError | null,
): Exclude<JobState, 'running'> {
  if (error || !report) return 'failed';
  const statuses = report.drives.map((drive) => drive.status);
  if (statuses.every((status) => status === 'cancelled')) return 'cancelled';
  return statuses.every((status) => ['verified', 'written', 'matched'].includes(status))
    ? 'succeeded'
    : 'failed';
}

/** A disk image build's state from its record (a cache hit is a success). */
export function diskImageBuildState(record: z.infer<typeof BuildRecordSchema>): Exclude<JobState, 'running'> {
  if (record.outcome === 'succeeded' || record.outcome === 'cached') return 'succeeded';
  return record.outcome === 'cancelled' ? 'cancelled' : 'failed';
}

/** A container image build's state from its end. */
export function containerImageBuildState(
  end: z.infer<typeof ImageBuildFinishedSchema>,
): Exclude<JobState, 'running'> {
  if (end.cancelled) return 'cancelled';
  return end.ok ? 'succeeded' : 'failed';
}

/** A push's state from its result: the version pushed and the moving tag moved (when one was asked). */
export function pushState(result: z.infer<typeof PushResultSchema> | null): Exclude<JobState, 'running'> {
  if (result?.cancelled) return 'cancelled';
  return result?.ok ? 'succeeded' : 'failed';
}

/** The end of a push job, as the Update tool says it. */
export type PushFinished = Extract<JobFinished, { kind: 'push' }>;

/** A boot test's state from its result: booted, cancelled, or else failed. */
export function bootTestState(result: { outcome: string } | null): Exclude<JobState, 'running'> {
  if (result?.outcome === 'booted') return 'succeeded';
  return result?.outcome === 'cancelled' ? 'cancelled' : 'failed';
}

/** The end of a boot test job, as its panel says it. */
export type BootTestFinished = Extract<JobFinished, { kind: 'bootTest' }>;
