import {
  SLOW_BELOW_BYTES_PER_SECOND,
  type Slot,
  type SlotView,
  type StationCounters,
  type StationRefusal,
} from '../../shared/station/stationSlots';

/** The per-slot grid and the counters: every change goes through here and is announced once. */
export interface SlotBoard {
  view(port: string): SlotView | undefined;
  views(): SlotView[];
  counters(): StationCounters;
  waiting(port: string): void;
  writing(port: string, drive: string): void;
  progress(
    port: string,
    phase: 'writing' | 'verifying',
    bytes: number,
    total: number,
    speed: number | null,
  ): void;
  done(port: string): void;
  failed(port: string, error: string): void;
  refused(port: string, drive: string, reasons: StationRefusal[]): void;
  /** A drive shown in its slot and left alone for the station's own state, not a rule: not counted. */
  untouched(port: string, drive: string, why: 'presentAtArm' | 'paused' | 'disarmed'): void;
  /** Flags slots whose job has not moved for stallAfterMs; called every second. */
  checkStalls(now: number): void;
}

export function createSlotBoard(
  slots: readonly Slot[],
  target: number | null,
  stallAfterMs: number,
  announce: (view: SlotView) => void,
): SlotBoard {
  const views = new Map<string, SlotView>();
  const lastMoved = new Map<string, number>();
  const totals = { done: 0, failed: 0, refused: 0 };
  const blank = (slot: Slot): SlotView => ({
    port: slot.port,
    name: slot.name,
    phase: 'waiting',
    drive: null,
    speed: null,
    bytes: 0,
    total: 0,
    slow: false,
    stalled: false,
    reasons: [],
    error: null,
  });
  for (const slot of slots) views.set(slot.port, blank(slot));

  function update(port: string, change: Partial<SlotView>): void {
    const current = views.get(port);
    if (!current) return;
    const next = { ...current, ...change };
    if (JSON.stringify(next) === JSON.stringify(current)) return;
    views.set(port, next);
    announce(next);
  }

  return {
    view: (port) => views.get(port),
    views: () => [...views.values()],
    counters: () => ({
      ...totals,
      inProgress: [...views.values()].filter((view) => view.phase === 'writing' || view.phase === 'verifying')
        .length,
      target,
    }),
    waiting(port) {
      const slot = views.get(port);
      if (slot) update(port, { ...blank(slot), name: slot.name });
    },
    writing(port, drive) {
      lastMoved.set(port, Date.now());
      update(port, { phase: 'writing', drive, bytes: 0, total: 0, speed: null, reasons: [], error: null });
    },
    progress(port, phase, bytes, total, speed) {
      const current = views.get(port);
      if (!current || (current.phase !== 'writing' && current.phase !== 'verifying')) return;
      if (bytes !== current.bytes || phase !== current.phase) lastMoved.set(port, Date.now());
      const slow = phase === 'writing' && speed !== null && speed < SLOW_BELOW_BYTES_PER_SECOND;
      update(port, { phase, bytes, total, speed, slow, stalled: false });
    },
    done(port) {
      totals.done += 1;
      update(port, { phase: 'done', stalled: false, slow: false });
    },
    failed(port, error) {
      totals.failed += 1;
      update(port, { phase: 'failed', error, stalled: false });
    },
    refused(port, drive, reasons) {
      totals.refused += 1;
      update(port, { phase: 'refused', drive, reasons, speed: null, bytes: 0, total: 0 });
    },
    untouched(port, drive, why) {
      update(port, { phase: 'refused', drive, reasons: [{ code: why }], speed: null, bytes: 0, total: 0 });
    },
    checkStalls(now) {
      for (const view of views.values()) {
        if (view.phase !== 'writing' && view.phase !== 'verifying') continue;
        const moved = lastMoved.get(view.port) ?? now;
        if (now - moved >= stallAfterMs && !view.stalled) update(view.port, { stalled: true });
      }
    },
  };
}
