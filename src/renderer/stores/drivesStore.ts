import { create } from 'zustand';
import type { DriveView } from '../../shared/drives/driveView';
import { api } from '../api';

interface DrivesState {
  drives: DriveView[];
  /** Paths of the drives picked as targets; only drives that are not refused. */
  selected: string[];
  showHidden: boolean;
  load(): Promise<void>;
  received(drives: DriveView[]): void;
  toggleSelected(path: string): void;
  setShowHidden(show: boolean): void;
}

/** Keeps only selections that still exist and are still allowed: a refused drive drops out. */
function keepValid(selected: string[], drives: DriveView[]): string[] {
  const allowed = new Set(
    drives.filter((drive) => drive.verdict.status !== 'refused').map((drive) => drive.path),
  );
  return selected.filter((path) => allowed.has(path));
}

export const useDrivesStore = create<DrivesState>((set, get) => ({
  drives: [],
  selected: [],
  showHidden: false,
  async load() {
    get().received(await api.call('listDrives', {}));
  },
  received(drives) {
    set({ drives, selected: keepValid(get().selected, drives) });
  },
  toggleSelected(path) {
    const { selected, drives } = get();
    const next = selected.includes(path) ? selected.filter((item) => item !== path) : [...selected, path];
    set({ selected: keepValid(next, drives) });
  },
  setShowHidden(showHidden) {
    set({ showHidden });
  },
}));

export function visibleDrives(state: Pick<DrivesState, 'drives' | 'showHidden'>): DriveView[] {
  return state.showHidden ? state.drives : state.drives.filter((drive) => !drive.verdict.hidden);
}
