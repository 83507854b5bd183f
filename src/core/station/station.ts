import type { DriveFacts } from '../../shared/drives/driveFacts';
import type { DriveOutcome, JobResult } from '../../shared/flash';
import { stationRefusals } from '../../shared/station/stationRules';
import {
  type Slot,
  type SlotView,
  STALL_AFTER_MS,
  type StationCounters,
} from '../../shared/station/stationSlots';
import { gatherDriveFacts } from '../drives/gatherDriveFacts';
import { locateImageFile } from '../drives/locateImageFile';
import { HelperCallError, type HelperClient } from '../privileged/helperClient';
import { watchBlockDevices } from './blockChangeWatcher';
import { createDriveListing } from './driveListing';
import { drivePort } from './drivePort';
import { createSlotBoard } from './slotBoard';

export interface StationOptions {
  helper: HelperClient;
  image: string;
  slots: readonly Slot[];
  verify: boolean;
  eject: boolean;
  /** Sticks outside this size range are refused (bytes). */
  minBytes: number;
  maxBytes: number;
  /** Loop drives stand in for sticks, their backing file is their port (tests, --virtual). */
  virtual: boolean;
  /** Disarm once this many sticks are done; null for no target. */
  target: number | null;
  stallAfterMs?: number;
  /** A listing of the drives that takes longer is given up on and said (default ENUMERATION_TIMEOUT_MS). */
  enumerationTimeoutMs?: number;
  onEvent: (event: StationEvent) => void;
  newJobId: () => string;
}

export type StationEvent =
  | { type: 'slot'; at: number; slot: SlotView }
  | { type: 'unarmedDrive'; at: number; drive: string; port: string | null }
  | { type: 'counters'; at: number; counters: StationCounters }
  | { type: 'disarmed'; at: number; why: 'targetReached' | 'asked' }
  /** Listing the drives failed (lsblk missing, sysfs unreadable): no stick is seen until it works again. */
  | { type: 'enumerationFailed'; at: number; message: string }
  /** The first listing that worked after one that failed: sticks are seen again. */
  | { type: 'enumerationRecovered'; at: number };

/** One stick written in a slot: what the batch report says about it. */
export interface StationRecord {
  slot: Slot;
  result: JobResult | null;
  outcome: DriveOutcome | null;
  error: string | null;
}

interface Present {
  facts: DriveFacts;
  port: string | null;
}

/**
 * How long one listing of the drives may take. lsblk reads every disk; a dying stick whose reads
 * hang in the kernel would otherwise stop the station from seeing any stick come or go, unsaid.
 */
export const ENUMERATION_TIMEOUT_MS = 15_000;

/** Same device, same port, same size: still the drive seen before (a new stick changes one of them). */
const presenceKey = (present: Present) => `${present.facts.path}|${present.port}|${present.facts.size}`;

export interface Station {
  /** Takes the snapshot of drives present now (never touched) and starts watching. */
  arm(): Promise<void>;
  pause(): void;
  resume(): void;
  disarm(): void;
  readonly armed: boolean;
  views(): SlotView[];
  counters(): StationCounters;
  records(): StationRecord[];
  /** Resolves once every job started so far has ended. */
  settled(): Promise<void>;
  /** Disarms and stops watching (after settled(), nothing is left running). */
  close(): void;
}

export function createStation(options: StationOptions): Station {
  const bySlot = new Map(options.slots.map((slot) => [slot.port, slot]));
  const stallAfterMs = options.stallAfterMs ?? STALL_AFTER_MS;
  const emit = (event: StationEvent) => options.onEvent(event);
  const emitCounters = () => emit({ type: 'counters', at: Date.now(), counters: board.counters() });
  const board = createSlotBoard(options.slots, options.target, stallAfterMs, (slot) => {
    emit({ type: 'slot', at: Date.now(), slot });
    emitCounters();
  });
  const jobs = new Set<Promise<void>>();
  const records: StationRecord[] = [];
  let seen = new Map<string, Present>();
  let armed = false;
  let paused = false;
  let stopWatching: (() => void) | null = null;
  let stallTimer: NodeJS.Timeout | null = null;
  let image: { size: number; diskPaths: string[] } | null = null;
  /**
   * Drives that appeared in a slot while it was busy with another: a multi-card reader shows one
   * drive per card (LUN) on one USB port. Each is taken in turn when the slot's job ends.
   */
  const queued = new Map<string, Present[]>();

  async function enumerate(): Promise<Map<string, Present>> {
    const drives = await gatherDriveFacts({ includeVirtual: options.virtual });
    const present = await Promise.all(
      drives.map(async (facts) => ({
        facts,
        port: await drivePort(facts, { loopBackingFileIsPort: options.virtual }),
      })),
    );
    return new Map(present.map((drive) => [presenceKey(drive), drive]));
  }

  function appeared(drive: Present): void {
    const slot = drive.port ? bySlot.get(drive.port) : undefined;
    if (!slot) {
      emit({ type: 'unarmedDrive', at: Date.now(), drive: drive.facts.path, port: drive.port });
      return;
    }
    const view = board.view(slot.port);
    if (view && (view.phase === 'writing' || view.phase === 'verifying')) {
      queued.set(slot.port, [...(queued.get(slot.port) ?? []), drive]);
      return;
    }
    // No size is no stick yet: a card reader's empty slot, or a device the kernel has not sized
    // yet (seen on a busy host between a loop device's backing file and its size). Its size
    // arriving changes its key, and it is judged then.
    if (!drive.facts.size) return;
    if (!armed || paused || !image) {
      board.untouched(slot.port, drive.facts.path, armed ? 'paused' : 'disarmed');
      return;
    }
    const reasons = stationRefusals(drive.facts, {
      image,
      minBytes: options.minBytes,
      maxBytes: options.maxBytes,
      allowVirtual: options.virtual,
    });
    if (reasons.length > 0) {
      board.refused(slot.port, drive.facts.path, reasons);
      return;
    }
    startWriting(slot, drive.facts.path);
  }

  function gone(drive: Present): void {
    if (drive.port) {
      const waiting = (queued.get(drive.port) ?? []).filter(
        (next) => presenceKey(next) !== presenceKey(drive),
      );
      queued.set(drive.port, waiting);
    }
    const view = drive.port ? board.view(drive.port) : undefined;
    if (!view || view.drive !== drive.facts.path) return;
    // A pulled stick that is still being written fails through its job; anything else frees the slot.
    if (view.phase !== 'writing' && view.phase !== 'verifying') board.waiting(view.port);
  }

  function startWriting(slot: Slot, path: string): void {
    const jobId = options.newJobId();
    board.writing(slot.port, path);
    const stop = options.helper.onProgress((progress) => {
      if (progress.jobId !== jobId) return;
      if (progress.phase === 'writing' || progress.phase === 'verifying') {
        board.progress(slot.port, progress.phase, progress.bytes, progress.total, progress.speed);
      }
    });
    const job = options.helper
      .call({
        method: 'flash',
        params: {
          jobId,
          image: options.image,
          drives: [path],
          options: {
            verify: options.verify,
            full: false,
            includeVirtual: options.virtual,
            eject: options.eject,
          },
        },
      })
      .then((result) => {
        const outcome = result.drives[0] ?? null;
        records.push({ slot, result, outcome, error: outcome?.error?.message ?? null });
        const ok = outcome && (outcome.status === 'verified' || outcome.status === 'written');
        if (ok) board.done(slot.port);
        else
          board.failed(slot.port, outcome?.error?.message ?? 'The helper reported no result for this drive.');
      })
      .catch((error: unknown) => {
        if (error instanceof HelperCallError && error.error.code === 'refused') {
          const reasons = (error.error.refusals ?? []).map((refusal) => ({
            code: 'helperRefused',
            detail: refusal.message,
          }));
          board.refused(slot.port, path, reasons);
          records.push({ slot, result: null, outcome: null, error: error.message });
          return;
        }
        const message = error instanceof Error ? error.message : String(error);
        records.push({ slot, result: null, outcome: null, error: message });
        board.failed(slot.port, message);
      })
      .finally(() => {
        stop();
        jobs.delete(job);
        const { done } = board.counters();
        if (armed && options.target !== null && done >= options.target) disarm('targetReached');
        // The next card of a multi-card reader in this slot, if it is still there. A card slot
        // with no card in it is no stick, and must not turn the slot's "done" into a refusal.
        const [next, ...rest] = (queued.get(slot.port) ?? []).filter(
          (drive) => seen.has(presenceKey(drive)) && (drive.facts.size ?? 0) > 0,
        );
        queued.set(slot.port, rest);
        if (next) appeared(next);
      });
    jobs.add(job);
  }

  /** What the latest listing found against what was seen before: sticks that came and went. */
  function listed(now: Map<string, Present>): void {
    for (const [key, drive] of seen) if (!now.has(key)) gone(drive);
    for (const [key, drive] of now) if (!seen.has(key)) appeared(drive);
    seen = now;
  }

  const listing = createDriveListing({
    list: enumerate,
    onListed: listed,
    onFailed: (message) => emit({ type: 'enumerationFailed', at: Date.now(), message }),
    onRecovered: () => emit({ type: 'enumerationRecovered', at: Date.now() }),
    timeoutMs: options.enumerationTimeoutMs ?? ENUMERATION_TIMEOUT_MS,
  });
  const changed = () => listing.changed();

  function disarm(why: 'targetReached' | 'asked'): void {
    if (!armed) return;
    armed = false;
    emit({ type: 'disarmed', at: Date.now(), why });
  }

  return {
    async arm() {
      if (armed) return;
      const located = await locateImageFile(options.image);
      image = { size: located.size, diskPaths: located.diskPaths };
      seen = await enumerate();
      for (const drive of seen.values()) {
        // Drives present before arming are shown and never touched.
        if (drive.port && bySlot.has(drive.port)) {
          board.untouched(drive.port, drive.facts.path, 'presentAtArm');
        }
      }
      armed = true;
      paused = false;
      emitCounters();
      stopWatching ??= watchBlockDevices(changed);
      stallTimer ??= setInterval(() => board.checkStalls(Date.now()), Math.min(1000, stallAfterMs / 2));
    },
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
    },
    disarm() {
      disarm('asked');
    },
    get armed() {
      return armed;
    },
    views: () => board.views(),
    counters: () => board.counters(),
    records: () => [...records],
    async settled() {
      while (jobs.size > 0) await Promise.allSettled([...jobs]);
    },
    close() {
      disarm('asked');
      listing.close();
      stopWatching?.();
      stopWatching = null;
      if (stallTimer) clearInterval(stallTimer);
      stallTimer = null;
    },
  };
}
