import type { EmitEvent } from '../shared/api';
import { type BlueprintService, createBlueprintService } from './blueprint/blueprintService';
import { type BuildService, createBuildService } from './build/buildService';
import { type ContainerfileService, createContainerfileService } from './build/containerfileService';
import { createDrivesService, type DrivesService } from './drives/drivesService';
import { gatherDriveFacts } from './drives/gatherDriveFacts';
import { createFlashService, type FlashService } from './flash/flashService';
import type { HelperClient } from './helper/helperClient';
import { createSharedHelper } from './helper/sharedHelper';
import { openSettingsStore, type SettingsStore } from './store/settingsStore';

export interface AppServices {
  settings: SettingsStore;
  drives: DrivesService;
  flash: FlashService;
  builds: BuildService;
  /** Containerfile builds (`podman build` as root). */
  imageBuilds: ContainerfileService;
  blueprints: BlueprintService;
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
  const helper = createSharedHelper(options.startHelper, (client) =>
    client.onProgress((progress) => options.emit('flashProgress', progress)),
  );
  const flash = createFlashService({ dataDir: options.dataDir, emit: options.emit, helper: helper.get, log });
  const builds = createBuildService({
    dataDir: options.dataDir,
    getSettings: settings.get,
    helper: helper.get,
    events: {
      progress: (progress) => options.emit('buildProgress', progress),
      log: (buildId, lines) => options.emit('buildLog', { buildId, lines }),
      finished: (record) => options.emit('buildFinished', record),
    },
    log,
    pinBibImage: async (digest) =>
      options.emit('settingsChanged', await settings.update({ bibImageDigest: digest })),
  });
  const imageBuilds = createContainerfileService({
    helper: helper.get,
    events: {
      log: (buildId, lines) => options.emit('buildLog', { buildId, lines }),
      finished: (result) => options.emit('imageBuildFinished', result),
    },
    log,
  });
  return {
    settings,
    drives,
    flash,
    builds,
    imageBuilds,
    blueprints: createBlueprintService(options.dataDir),
    dataDir: options.dataDir,
    emit: options.emit,
    async dispose() {
      drives.stop();
      await helper.dispose();
    },
  };
}
