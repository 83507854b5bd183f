import { AppError } from '../../shared/errors';
import type { EjectDrivesResult } from '../../shared/station/ejectDrives';
import type { ArmStationInput, PortSeen, StationState } from '../../shared/station/stationState';
import { gatherDriveFacts } from '../drives/gatherDriveFacts';
import type { HelperClient } from '../privileged/helperClient';
import { drivePort } from './drivePort';
import { createStation, type Station } from './station';

export interface StationService {
  ports(): Promise<PortSeen[]>;
  arm(input: ArmStationInput): Promise<StationState>;
  pause(paused: boolean): StationState;
  disarm(): StationState;
  /** Powers off every stick the station wrote that is still in its slot (the helper re-checks each). */
  ejectAll(): Promise<EjectDrivesResult>;
  state(): StationState;
  dispose(): Promise<void>;
}

const IDLE: StationState = {
  armed: false,
  paused: false,
  image: null,
  slots: [],
  counters: { done: 0, failed: 0, refused: 0, inProgress: 0, target: null },
  unarmedDrives: [],
  listingProblem: null,
};

/** The app's one station: armed from the tool page, its every change sent as stationChanged. */
export function createStationService(options: {
  helper: () => Promise<HelperClient>;
  /** Loop drives stand in for sticks (the app's "show virtual drives" setting). */
  virtual: () => boolean;
  onChange: (state: StationState) => void;
  newJobId: () => string;
}): StationService {
  let station: Station | null = null;
  let image: string | null = null;
  let paused = false;
  let listingProblem: string | null = null;
  let arming = 0;
  const unarmed = new Map<string, string | null>();

  const state = (): StationState =>
    station
      ? {
          armed: station.armed,
          paused,
          image,
          slots: station.views(),
          counters: station.counters(),
          unarmedDrives: [...unarmed].map(([drive, port]) => ({ drive, port })),
          listingProblem,
        }
      : IDLE;
  const changed = () => options.onChange(state());

  return {
    async ports() {
      const virtual = options.virtual();
      const drives = await gatherDriveFacts({ includeVirtual: virtual });
      return Promise.all(
        drives.map(async (drive) => ({
          drive: drive.path,
          description: drive.description,
          size: drive.size,
          port: await drivePort(drive, { loopBackingFileIsPort: virtual }),
        })),
      );
    },
    async arm(input) {
      if (station?.armed)
        throw new AppError('invalidInput', 'The station is already armed: disarm it first.');
      station?.close();
      const helper = await options.helper();
      unarmed.clear();
      paused = false;
      listingProblem = null;
      image = input.image;
      // A station closed by this arming may still answer (a listing in flight): not into this one's state.
      arming += 1;
      const mine = arming;
      station = createStation({
        helper,
        image: input.image,
        slots: input.slots,
        verify: input.verify,
        eject: input.eject,
        minBytes: input.minBytes,
        maxBytes: input.maxBytes,
        virtual: options.virtual(),
        target: input.target,
        newJobId: options.newJobId,
        onEvent: (event) => {
          if (mine !== arming) return;
          if (event.type === 'unarmedDrive') unarmed.set(event.drive, event.port);
          if (event.type === 'enumerationFailed') listingProblem = event.message;
          if (event.type === 'enumerationRecovered') listingProblem = null;
          changed();
        },
      });
      await station.arm();
      changed();
      return state();
    },
    pause(next) {
      if (!station?.armed) throw new AppError('invalidInput', 'The station is not armed.');
      paused = next;
      if (next) station.pause();
      else station.resume();
      changed();
      return state();
    },
    disarm() {
      station?.disarm();
      changed();
      return state();
    },
    async ejectAll() {
      const drives = (station?.views() ?? [])
        .filter((slot) => slot.phase === 'done' && slot.drive !== null)
        .map((slot) => slot.drive as string);
      if (drives.length === 0)
        throw new AppError(
          'invalidInput',
          'No stick the station wrote is in its slot now: there is nothing to eject.',
        );
      return (await options.helper()).call({ method: 'ejectDrives', params: { drives } });
    },
    state,
    async dispose() {
      station?.close();
      await station?.settled();
    },
  };
}
