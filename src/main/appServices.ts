import { randomBytes } from 'node:crypto';
import { type BlueprintService, createBlueprintService } from '../core/blueprint/blueprintService';
import { type BootTestService, createBootTestService } from '../core/bootTest/bootTestService';
import {
  type ContainerImageService,
  createContainerImageService,
} from '../core/containerImages/containerImageService';
import { listLocalImages } from '../core/containerImages/listLocalImages';
import { createDiskImageService, type DiskImageService } from '../core/diskImages/diskImageService';
import { createDrivesService, type DrivesService } from '../core/drives/drivesService';
import { gatherDriveFacts } from '../core/drives/gatherDriveFacts';
import { createFlashService, type FlashService } from '../core/flash/flashService';
import type { HelperClient } from '../core/privileged/helperClient';
import { createSharedHelper } from '../core/privileged/sharedHelper';
import { createStationService, type StationService } from '../core/station/stationService';
import { type DraftStore, openDraftStore } from '../core/store/draftStore';
import { openSettingsStore, type SettingsStore } from '../core/store/settingsStore';
import { createPushService, type PushService } from '../core/updates/pushService';
import type { EmitEvent } from '../shared/api';
import type { LocalImages } from '../shared/containerImages/localImages';
import type { DriveProgress } from '../shared/flash';
import { containerImageBuildState, diskImageBuildState } from '../shared/jobs';
import type { FileChooser } from './dialogs/fileDialog';

export interface AppServices {
  settings: SettingsStore;
  /** The wizard's work in progress, kept across restarts. */
  drafts: DraftStore;
  drives: DrivesService;
  flash: FlashService;
  builds: DiskImageService;
  /** Containerfile builds (`podman build` as root). */
  imageBuilds: ContainerImageService;
  blueprints: BlueprintService;
  /** Armed ports: every stick put into one is written, verified and counted. */
  station: StationService;
  /** Publishing versions to a registry (podman push as root, the person's credentials). */
  pushes: PushService;
  /** Boot tests of flashed drives (through the helper) and image files, in QEMU. */
  bootTests: BootTestService;
  /** The privileged helper, started on first use (update comparisons read root's storage through it). */
  helper: () => Promise<HelperClient>;
  /** The named images in root's podman storage, through the helper. */
  listLocalImages(): Promise<LocalImages>;
  /** A native open dialog; null when there is none (no window) or the person cancelled. */
  chooseFile: FileChooser;
  /** Where the shipped example Containerfiles are (resources/examples). */
  examplesDir: string;
  dataDir: string;
  emit: EmitEvent;
  dispose(): Promise<void>;
}

export interface AppServicesOptions {
  dataDir: string;
  emit: EmitEvent;
  /** Starts the privileged helper (pkexec, or directly as root). */
  startHelper: () => Promise<HelperClient>;
  log?: (message: string) => void;
  /** Electron's open dialog (index.ts) or a test's stand-in; without one, no dialog opens. */
  chooseFile?: FileChooser;
  /** resources/examples: where it is depends on how the app runs (built, packaged, tests). */
  examplesDir: string;
  /** The person's ssh-agent for a boot test's login; the app's own SSH_AUTH_SOCK unless a test says. */
  sshAgentSocket?: () => string | undefined;
}

/** The composition root of main's plain-Node services, shared by Electron and the e2e harness. */
export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  const settings = await openSettingsStore(options.dataDir);
  const drives = createDrivesService({
    gather: gatherDriveFacts,
    getSettings: settings.get,
    onChange: (list) => options.emit('drivesChanged', list),
    onError: (error) => options.log?.(`drive enumeration failed: ${String(error)}`),
  });
  const log = options.log ?? (() => {});
  // The flash service names each drive's progress as its job's (a flash or a verify).
  let forwardProgress: (progress: DriveProgress) => void = () => {};
  const helper = createSharedHelper(options.startHelper, (client) =>
    client.onProgress((progress) => forwardProgress(progress)),
  );
  const flash = createFlashService({ dataDir: options.dataDir, emit: options.emit, helper: helper.get, log });
  forwardProgress = (progress) => flash.progressReceived(progress);
  const builds = createDiskImageService({
    dataDir: options.dataDir,
    getSettings: settings.get,
    helper: helper.get,
    events: {
      progress: (progress) =>
        options.emit('jobProgress', { jobId: progress.buildId, kind: 'diskImageBuild', progress }),
      log: (buildId, lines) => options.emit('jobLog', { jobId: buildId, kind: 'diskImageBuild', lines }),
      finished: (record) =>
        options.emit('jobFinished', {
          jobId: record.id,
          kind: 'diskImageBuild',
          state: diskImageBuildState(record),
          record,
        }),
    },
    log,
    pinBibImage: async (digest) =>
      options.emit('settingsChanged', await settings.update({ bibImageDigest: digest })),
  });
  const imageBuilds = createContainerImageService({
    helper: helper.get,
    events: {
      log: (buildId, lines) => options.emit('jobLog', { jobId: buildId, kind: 'containerImageBuild', lines }),
      finished: (end) =>
        options.emit('jobFinished', {
          jobId: end.buildId,
          kind: 'containerImageBuild',
          state: containerImageBuildState(end),
          end,
        }),
    },
    log,
  });
  const station = createStationService({
    helper: helper.get,
    virtual: () => settings.get().showVirtualDrives,
    onChange: (state) => options.emit('stationChanged', state),
    newJobId: () => `station-${randomBytes(6).toString('hex')}`,
  });
  const pushes = createPushService({
    helper: helper.get,
    events: {
      progress: (jobId, progress) => options.emit('jobProgress', { jobId, kind: 'push', progress }),
      log: (jobId, lines) => options.emit('jobLog', { jobId, kind: 'push', lines }),
      finished: (end) => options.emit('jobFinished', end),
    },
    log,
  });
  const bootTests = createBootTestService({
    dataDir: options.dataDir,
    helper: helper.get,
    settings: settings.get,
    events: {
      progress: (jobId, progress) => options.emit('jobProgress', { jobId, kind: 'bootTest', progress }),
      log: (jobId, lines) => options.emit('jobLog', { jobId, kind: 'bootTest', lines }),
      finished: (end) => options.emit('jobFinished', end),
    },
    log,
    ...(options.sshAgentSocket && { agentSocket: options.sshAgentSocket }),
  });
  return {
    settings,
    station,
    bootTests,
    pushes,
    helper: helper.get,
    drafts: openDraftStore(options.dataDir),
    drives,
    flash,
    builds,
    imageBuilds,
    blueprints: createBlueprintService(options.dataDir),
    listLocalImages: () => listLocalImages(helper.get),
    chooseFile: options.chooseFile ?? (async () => null),
    examplesDir: options.examplesDir,
    dataDir: options.dataDir,
    emit: options.emit,
    async dispose() {
      drives.stop();
      await station.dispose();
      await helper.dispose();
    },
  };
}
