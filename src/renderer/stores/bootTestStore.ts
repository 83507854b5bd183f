import { create } from 'zustand';
import type { BootTestLoginInput, BootTestTarget } from '../../shared/bootTestJob';
import { api } from '../api';
import { messageOf } from './messageOf';

/** Where a boot test was started: its panel shows there, and only there. */
export type BootTestOrigin = 'flash' | 'build' | 'verify' | 'history';

interface BootTestState {
  /** The boot test shown (one at a time): its target and job, or why it did not start. */
  target: BootTestTarget | null;
  origin: BootTestOrigin | null;
  jobId: string | null;
  startError: string | null;
  start(target: BootTestTarget, origin: BootTestOrigin, login?: BootTestLoginInput): Promise<void>;
  cancel(): Promise<void>;
  close(): void;
}

/** The boot test panel's own state; the job itself (console, end) is the jobs store's. */
export const useBootTestStore = create<BootTestState>((set, get) => ({
  target: null,
  origin: null,
  jobId: null,
  startError: null,
  async start(target, origin, login) {
    set({ target, origin, jobId: null, startError: null });
    try {
      const { jobId } = await api.call('startBootTest', login ? { target, login } : { target });
      set({ jobId });
    } catch (error) {
      set({ startError: messageOf(error) });
    }
  },
  async cancel() {
    const { jobId } = get();
    if (jobId) await api.call('cancelBootTest', { jobId });
  },
  close: () => set({ target: null, origin: null, jobId: null, startError: null }),
}));
