import { create } from 'zustand';
import { api } from '../api';
import { useFlashStore } from './flashStore';

/** Why a dropped thing was not even offered to main. */
export type DropProblem = 'oneAtATime' | 'notFromDisk';

/** Where the person chose: a refusal is said there, and only there. */
export type ChoiceOrigin = 'start' | 'tab' | 'window';

interface DiskImageChoiceState {
  /** A problem found before asking main, or null. */
  problem: DropProblem | null;
  /** The path main refused last (its reason is the flash store's imageError), or null. */
  refusedPath: string | null;
  /** Where the last choice was made. */
  origin: ChoiceOrigin | null;
  /** Offers the file to main as the image to flash; true when it was taken. */
  choose(path: string, origin: ChoiceOrigin): Promise<boolean>;
  /** The file dialog, then choose(); false when cancelled or refused. */
  browse(origin: ChoiceOrigin): Promise<boolean>;
  /** What was dropped (one file from this computer), then choose(). */
  chooseDropped(files: File[], origin: ChoiceOrigin): Promise<boolean>;
  clear(): void;
}

/**
 * Choosing a finished disk image file, the same wherever it happens (the Image step's tab, the
 * "Flash a disk image file" start, a drop anywhere on the window): main inspects it and makes it
 * the image to flash; a refusal leaves the earlier choice as it was and says why.
 */
export const useDiskImageChoiceStore = create<DiskImageChoiceState>((set, get) => ({
  problem: null,
  refusedPath: null,
  origin: null,
  async choose(path, origin) {
    const accepted = await useFlashStore.getState().chooseImage(path);
    set({ problem: null, refusedPath: accepted ? null : path, origin });
    return accepted;
  },
  async browse(origin) {
    const { path } = await api.call('openFileDialog', { purpose: 'diskImage' });
    return path ? get().choose(path, origin) : false;
  },
  async chooseDropped(files, origin) {
    const [file] = files;
    if (files.length !== 1 || !file) {
      set({ problem: 'oneAtATime', refusedPath: null, origin });
      return false;
    }
    const path = api.pathForFile(file);
    if (path === '') {
      set({ problem: 'notFromDisk', refusedPath: null, origin });
      return false;
    }
    return get().choose(path, origin);
  },
  clear: () => set({ problem: null, refusedPath: null, origin: null }),
}));
