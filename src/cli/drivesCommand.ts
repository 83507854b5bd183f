import { appDataDir } from '../core/appDataDir';
import { gatherDriveFacts } from '../core/drives/gatherDriveFacts';
import { locateImageFile } from '../core/drives/locateImageFile';
import { openSettingsStore } from '../core/store/settingsStore';
import { toDriveView } from '../shared/drives/toDriveView';
import { formatDriveTable } from './formatDriveTable';

export interface DrivesCommandOptions {
  json?: boolean;
  all?: boolean;
  virtual?: boolean;
  image?: string;
}

/** `bootstick drives`: the same enumeration and verdicts the app shows, once. */
export async function drivesCommand(options: DrivesCommandOptions): Promise<string> {
  const settings = (await openSettingsStore(appDataDir())).get();
  const image = options.image ? await locateImageFile(options.image) : null;
  const facts = await gatherDriveFacts({ includeVirtual: options.virtual === true });
  const context = { image, largeDriveThresholdBytes: settings.largeDriveThresholdBytes };
  const drives = facts.map((drive) => toDriveView(drive, context));
  const shown = options.all ? drives : drives.filter((drive) => !drive.verdict.hidden);
  if (options.json) return JSON.stringify(shown, null, 2);
  const hidden = drives.length - shown.length;
  const table =
    shown.length > 0 ? formatDriveTable(shown) : 'No drives found. Insert a USB stick or SD card.';
  return hidden > 0 ? `${table}\n\n${hidden} system drive(s) hidden; --all shows them.` : table;
}
