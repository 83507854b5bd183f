import type { DriveFacts } from '../../shared/drives/driveFacts';
import type { DriveView } from '../../shared/drives/driveView';
import { toDriveView } from '../../shared/drives/toDriveView';
import type { ImageInfo } from '../../shared/image';
import type { Settings } from '../../shared/settings';
import type { GatherOptions } from './gatherDriveFacts';

/** drivelist is polled about once a second, as etcher-sdk's scanner does. */
export const DRIVE_POLL_INTERVAL_MS = 1000;

export interface DrivesServiceOptions {
  gather: (options: GatherOptions) => Promise<DriveFacts[]>;
  getSettings: () => Settings;
  /** Called with the full list whenever any drive or verdict changed. */
  onChange: (drives: DriveView[]) => void;
  onError?: (error: unknown) => void;
  intervalMs?: number;
}

export interface DrivesService {
  /** Begins polling; safe to call twice. */
  start(): void;
  stop(): void;
  /** Enumerates now, publishes a change if there was one, and returns the list. */
  refresh(): Promise<DriveView[]>;
  /** The list from the last enumeration (enumerating first if there has been none). */
  current(): Promise<DriveView[]>;
  /** Re-judges every drive against a new image (or none) without enumerating again. */
  setImage(image: ImageInfo | null): void;
  /** Re-judges every drive after a settings change; enumerates again if virtual drives toggled. */
  settingsChanged(): Promise<void>;
}

export function createDrivesService(options: DrivesServiceOptions): DrivesService {
  const intervalMs = options.intervalMs ?? DRIVE_POLL_INTERVAL_MS;
  let facts: DriveFacts[] | null = null;
  let image: ImageInfo | null = null;
  let published = '';
  let views: DriveView[] = [];
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let inFlight: Promise<DriveView[]> | null = null;

  function judge(): DriveView[] {
    const settings = options.getSettings();
    const context = { image, largeDriveThresholdBytes: settings.largeDriveThresholdBytes };
    return (facts ?? []).map((drive) => toDriveView(drive, context));
  }

  function publish(): DriveView[] {
    views = judge();
    const serialized = JSON.stringify(views);
    if (serialized !== published) {
      published = serialized;
      options.onChange(views);
    }
    return views;
  }

  function refresh(): Promise<DriveView[]> {
    // Overlapping enumerations would race each other's results: share the one under way.
    inFlight ??= options
      .gather({ includeVirtual: options.getSettings().showVirtualDrives })
      .then((gathered) => {
        facts = gathered;
        return publish();
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  }

  function schedule(): void {
    if (!running) return;
    timer = setTimeout(() => {
      refresh()
        .catch((error) => options.onError?.(error))
        .finally(schedule);
    }, intervalMs);
  }

  return {
    start() {
      if (running) return;
      running = true;
      refresh()
        .catch((error) => options.onError?.(error))
        .finally(schedule);
    },
    stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
    },
    refresh,
    async current() {
      return facts === null ? refresh() : views;
    },
    setImage(next) {
      image = next;
      if (facts !== null) publish();
    },
    async settingsChanged() {
      await refresh();
    },
  };
}
