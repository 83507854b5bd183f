import { z } from 'zod';
import { DriveViewSchema } from './drives/driveView';
import { AppErrorShapeSchema } from './errors';
import { DriveProgressSchema, RefusalSchema } from './flash';
import { ImageInfoSchema } from './image';
import { AuditReportSchema } from './report';
import { SettingsPatchSchema, SettingsSchema } from './settings';

/**
 * The one contract between the renderer and main. Every call (input and output schema) and
 * every event (payload schema) is declared here once; the router, the preload bridge, the
 * e2e harness and the helper all derive from it.
 */
export const calls = {
  /** The drives as of the last poll, each with its safety verdict. */
  listDrives: { input: z.object({}).strict(), output: z.array(DriveViewSchema) },
  getSettings: { input: z.object({}).strict(), output: SettingsSchema },
  updateSettings: { input: SettingsPatchSchema, output: SettingsSchema },
  /** Choose (or clear, with null) the image to flash; drive verdicts are recomputed against it. */
  selectImage: {
    input: z.object({ path: z.string().min(1).nullable() }).strict(),
    output: ImageInfoSchema.nullable(),
  },
  /** Writes the selected image to drives through the privileged helper; progress comes as events. */
  startFlash: {
    input: z
      .object({
        image: z.string().min(1),
        drives: z.array(z.string().min(1)).min(1).max(64),
        verify: z.boolean(),
        full: z.boolean(),
        eject: z.boolean(),
      })
      .strict(),
    output: z.object({ jobId: z.string() }),
  },
  /** Cancels every drive of a running job, or one. */
  cancelFlash: {
    input: z.object({ jobId: z.string(), drive: z.string().optional() }).strict(),
    output: z.object({ cancelled: z.array(z.string()) }),
  },
  listReports: { input: z.object({}).strict(), output: z.array(AuditReportSchema) },
  exportReport: {
    input: z.object({ id: z.string(), format: z.enum(['json', 'csv']) }).strict(),
    output: z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() }),
  },
} as const;

export const events = {
  drivesChanged: z.array(DriveViewSchema),
  settingsChanged: SettingsSchema,
  flashProgress: DriveProgressSchema,
  /** A flash job ended: its audit report, or why it never started (nothing written). */
  flashFinished: z.object({
    jobId: z.string(),
    report: AuditReportSchema.nullable(),
    error: AppErrorShapeSchema.extend({ refusals: z.array(RefusalSchema).optional() }).nullable(),
  }),
} as const;

export type CallName = keyof typeof calls;
export type EventName = keyof typeof events;
export type CallInput<N extends CallName> = z.input<(typeof calls)[N]['input']>;
export type CallOutput<N extends CallName> = z.output<(typeof calls)[N]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** What main implements: one async function per call, given the already-validated input. */
export type Handlers = {
  [N in CallName]: (input: z.output<(typeof calls)[N]['input']>) => Promise<CallOutput<N>>;
};

export type EmitEvent = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(calls, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}
