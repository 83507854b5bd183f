import type { DriveProgress, FlashPhase } from '../../shared/flash';

/** Progress is sent 4 times a second: within the 2–10 per second a person's screen needs. */
export const PROGRESS_INTERVAL_MS = 250;
const MIN_GAP_MS = 100;

export interface DriveProgressReporter {
  update(progress: Partial<Omit<DriveProgress, 'jobId' | 'drive'>>): void;
  /** Sends the final phase at once and stops the clock. */
  finish(phase: FlashPhase): void;
}

/**
 * Turns etcher-sdk's irregular progress callbacks into a steady beat per drive: the latest state
 * every 250 ms whether or not anything moved (a stalled drive still reports), and a phase change
 * at once. A drive has at most five phases, so that stays under 10 messages a second.
 */
export function createDriveProgressReporter(
  jobId: string,
  drive: string,
  emit: (progress: DriveProgress) => void,
): DriveProgressReporter {
  let state: DriveProgress = { jobId, drive, phase: 'preparing', bytes: 0, total: 0, speed: null, eta: null };
  let lastSent = 0;
  const send = () => {
    lastSent = Date.now();
    emit(state);
  };
  const timer = setInterval(() => {
    if (Date.now() - lastSent >= MIN_GAP_MS) send();
  }, PROGRESS_INTERVAL_MS);
  send();
  return {
    update(progress) {
      const phaseChanged = progress.phase !== undefined && progress.phase !== state.phase;
      state = { ...state, ...progress };
      if (phaseChanged) send();
    },
    finish(phase) {
      clearInterval(timer);
      state = { ...state, phase, speed: null, eta: null };
      send();
    },
  };
}
