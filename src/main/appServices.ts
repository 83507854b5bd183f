import type { EmitEvent } from '../shared/api';
import { createDrivesService, type DrivesService } from './drives/drivesService';
import { gatherDriveFacts } from './drives/gatherDriveFacts';
import { createFlashService, type FlashService } from './flash/flashService';
import type { HelperClient } from './helper/helperClient';
import { openSettingsStore, type SettingsStore } from './store/settingsStore';

export interface AppServices {
  settings: SettingsStore;
  drives: DrivesService;
  flash: FlashService;
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
  const flash = createFlashService({
    dataDir: options.dataDir,
    emit: options.emit,
    startHelper: options.startHelper,
    log,
  });
  return {
    settings,
    drives,
    flash,
    dataDir: options.dataDir,
    emit: options.emit,
    async dispose() {
      drives.stop();
      await flash.dispose();
    },
  };
}
