import { z } from 'zod';
import {
  CheckBlueprintInputSchema,
  CheckBlueprintOutputSchema,
  ExportBlueprintInputSchema,
  ExportBlueprintOutputSchema,
  ExportProfileInputSchema,
  ImportBlueprintInputSchema,
  InspectSshKeysInputSchema,
  ProfileNameInputSchema,
  RenameProfileInputSchema,
  SaveProfileInputSchema,
} from './blueprint/blueprintCalls';
import { BlueprintImportResultSchema } from './blueprint/blueprintImport';
import { ProfileSchema, ProfileSummarySchema } from './blueprint/profile';
import { SshKeyInspectionSchema } from './blueprint/sshKeyInfo';
import { BootTestHostSchema } from './bootTest';
import { StartBootTestInputSchema } from './bootTestJob';
import { ImageBuildInputSchema } from './containerImages/containerfileBuild';
import { ExampleCopySchema, ExampleSchema } from './containerImages/examples';
import { LocalImagesSchema } from './containerImages/localImages';
import { BuildHistoryEntrySchema, BuildRequestSchema } from './diskImages/buildRecord';
import { DraftSchema } from './draft/draftSchema';
import { DriveViewSchema } from './drives/driveView';
import { FileDialogPurposeSchema } from './fileDialog';
import { ChosenImageSchema } from './image';
import { JobFinishedSchema, JobLogSchema, JobProgressSchema } from './jobs';
import { AuditReportSchema } from './report';
import { SettingsPatchSchema, SettingsSchema } from './settings';
import { EjectDrivesResultSchema } from './station/ejectDrives';
import { ArmStationInputSchema, PortSeenSchema, StationStateSchema } from './station/stationState';
import {
  CompareUpdateInputSchema,
  CompareUpdateOutputSchema,
  StartPushInputSchema,
} from './updates/updateCalls';

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
  /** The wizard's work in progress from the last run (step and forms, never a password), or null. */
  loadDraft: { input: z.object({}).strict(), output: DraftSchema.nullable() },
  /** Keeps the work in progress; refused if it holds a plain password or a private key. */
  saveDraft: { input: DraftSchema, output: z.literal(true) },
  /**
   * Choose (or clear, with null) the image to flash; drive verdicts are recomputed against it. A
   * file that is missing or no disk image Bootstick can write is refused and nothing changes.
   */
  selectImage: {
    input: z.object({ path: z.string().min(1).nullable() }).strict(),
    output: ChosenImageSchema.nullable(),
  },
  /** A native open dialog for one purpose; the chosen path, or null when the person cancelled. */
  openFileDialog: {
    input: z.object({ purpose: FileDialogPurposeSchema }).strict(),
    output: z.object({ path: z.string().nullable() }),
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
  /**
   * Reads one drive back and compares it with an image, writing nothing. Progress and the end
   * arrive as flashProgress and flashFinished events under the returned id, like a flash job.
   */
  startVerify: {
    input: z.object({ image: z.string().min(1), drive: z.string().min(1) }).strict(),
    output: z.object({ jobId: z.string() }),
  },
  listReports: { input: z.object({}).strict(), output: z.array(AuditReportSchema) },
  exportReport: {
    input: z.object({ id: z.string(), format: z.enum(['json', 'csv']) }).strict(),
    output: z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() }),
  },
  /**
   * A password's SHA-512 crypt hash, made the moment it leaves the form field: the renderer keeps
   * only the hash, so the plain text is never stored, logged or sent anywhere else.
   */
  hashPassword: {
    input: z.object({ password: z.string().max(4096) }).strict(),
    output: z.object({ hash: z.string() }),
  },
  /** Type and fingerprint of each public key pasted; a private key is refused, never kept. */
  inspectSshKeys: { input: InspectSshKeysInputSchema, output: SshKeyInspectionSchema },
  /** Reads bib TOML or JSON (also the legacy {"blueprint": …} wrapper); problems carry lines. */
  importBlueprint: { input: ImportBlueprintInputSchema, output: BlueprintImportResultSchema },
  /** Every rule bib, osbuild and Bootstick apply, for the form as the person types. */
  checkBlueprint: { input: CheckBlueprintInputSchema, output: CheckBlueprintOutputSchema },
  /** bib's config.toml / config.json, passwords hashed; or the problems that stop it. */
  exportBlueprint: { input: ExportBlueprintInputSchema, output: ExportBlueprintOutputSchema },
  listProfiles: { input: z.object({}).strict(), output: z.array(ProfileSummarySchema) },
  getProfile: { input: ProfileNameInputSchema, output: ProfileSchema.nullable() },
  saveProfile: { input: SaveProfileInputSchema, output: ProfileSchema },
  renameProfile: { input: RenameProfileInputSchema, output: ProfileSchema },
  deleteProfile: { input: ProfileNameInputSchema, output: z.boolean() },
  /** A profile as plain bib TOML that works with bib on its own. */
  exportProfile: { input: ExportProfileInputSchema, output: z.object({ text: z.string() }) },
  /** Starts a bootc-image-builder build; progress, log lines and the end arrive as events. */
  startDiskImageBuild: { input: BuildRequestSchema, output: z.object({ buildId: z.string() }) },
  cancelDiskImageBuild: {
    input: z.object({ buildId: z.string() }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
  /** Every recorded build, newest first. */
  listBuilds: { input: z.object({}).strict(), output: z.array(BuildHistoryEntrySchema) },
  readBuildLog: {
    input: z.object({ buildId: z.string() }).strict(),
    output: z.object({ text: z.string() }),
  },
  /**
   * Builds a bootc image from a Containerfile with root's podman (tag localhost/…); its log comes
   * as buildLog events under the returned id, its end as imageBuildFinished.
   */
  startContainerImageBuild: { input: ImageBuildInputSchema, output: z.object({ buildId: z.string() }) },
  cancelContainerImageBuild: {
    input: z.object({ buildId: z.string() }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
  /** The builder images root allows to run privileged (/etc/bootstick/builders.conf), the Settings choice. */
  listBuilderImages: {
    input: z.object({}).strict(),
    output: z.object({ allowed: z.array(z.string()), file: z.string(), fromFile: z.boolean() }),
  },
  /** The images in root's podman storage (bib builds only from those), or why podman cannot say. */
  listLocalImages: { input: z.object({}).strict(), output: LocalImagesSchema },
  /** The example Containerfiles the app ships, for the Image step's gallery. */
  listExamples: { input: z.object({}).strict(), output: z.array(ExampleSchema) },
  /** Copies an example into the data folder (kept if already there) as a build context to build or edit. */
  copyExample: { input: z.object({ id: z.string() }).strict(), output: ExampleCopySchema },
  /** Every drive seen now with its USB port (or none), to pick and name the ports to arm. */
  listStationPorts: { input: z.object({}).strict(), output: z.array(PortSeenSchema) },
  /**
   * Arms the station: drives present now are never touched; every stick that appears in an armed
   * port and passes every rule is written, verified and counted. Changes arrive as stationChanged.
   */
  armStation: { input: ArmStationInputSchema, output: StationStateSchema },
  /** Paused, a stick put in is shown and not touched; sticks being written finish. */
  pauseStation: { input: z.object({ paused: z.boolean() }).strict(), output: StationStateSchema },
  /** Disarms: nothing more is written; sticks being written finish. */
  disarmStation: { input: z.object({}).strict(), output: StationStateSchema },
  getStation: { input: z.object({}).strict(), output: StationStateSchema },
  /**
   * What hosts running `from` will download to get `to` (each in root's storage or a registry):
   * K of N layers and their bytes, a row per layer; or why a side could not be read.
   */
  compareUpdate: { input: CompareUpdateInputSchema, output: CompareUpdateOutputSchema },
  /**
   * Publishes a version from root's storage through the helper, then moves the moving tag to it;
   * progress, podman's lines and the end arrive as job events (kind push) under the returned id.
   */
  startPush: { input: StartPushInputSchema, output: z.object({ jobId: z.string() }) },
  cancelPush: {
    input: z.object({ jobId: z.string() }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
  /** "Eject all": powers off the sticks the station wrote that are still in their slots. */
  ejectStationDrives: { input: z.object({}).strict(), output: EjectDrivesResultSchema },
  /**
   * Boots a flashed drive (through the helper, never written) or an image file in QEMU; the
   * console arrives as jobLog lines, the end as jobFinished (kind bootTest) under the returned id.
   */
  startBootTest: { input: StartBootTestInputSchema, output: z.object({ jobId: z.string() }) },
  cancelBootTest: {
    input: z.object({ jobId: z.string() }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
  /** QEMU, firmware, KVM, memory and CPUs this computer offers a boot test (for Settings). */
  getBootTestHost: { input: z.object({}).strict(), output: BootTestHostSchema },
} as const;

export const events = {
  drivesChanged: z.array(DriveViewSchema),
  settingsChanged: SettingsSchema,
  /** Every long job (see shared/jobs.ts): a step of progress, log lines, and its end. */
  jobProgress: JobProgressSchema,
  jobLog: JobLogSchema,
  jobFinished: JobFinishedSchema,
  stationChanged: StationStateSchema,
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
