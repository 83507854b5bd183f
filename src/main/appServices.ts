import type { EmitEvent } from '../shared/api';
import { createDrivesService, type DrivesService } from './drives/drivesService';
import { gatherDriveFacts } from './drives/gatherDriveFacts';
import { openSettingsStore, type SettingsStore } from './store/settingsStore';

export interface AppServices {
  settings: SettingsStore;
  drives: DrivesService;
  emit: EmitEvent;
  dispose(): void;
}

export interface AppServicesOptions {
  dataDir: string;
  emit: EmitEvent;
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
  return {
    settings,
    drives,
    emit: options.emit,
    dispose: () => drives.stop(),
  };
}
