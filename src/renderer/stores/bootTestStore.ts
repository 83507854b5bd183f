import { create } from 'zustand';
import type { BootTestTarget } from '../../shared/bootTestJob';
import { api } from '../api';
import { messageOf } from './messageOf';

interface BootTestState {
  /** The boot test shown (one at a time): its target and job, or why it did not start. */
  target: BootTestTarget | null;
  jobId: string | null;
  startError: string | null;
  start(target: BootTestTarget): Promise<void>;
  cancel(): Promise<void>;
  close(): void;
}

/** The boot test panel's own state; the job itself (console, end) is the jobs store's. */
export const useBootTestStore = create<BootTestState>((set, get) => ({
  target: null,
  jobId: null,
  startError: null,
  async start(target) {
    set({ target, jobId: null, startError: null });
    try {
      const { jobId } = await api.call('startBootTest', { target });
      set({ jobId });
    } catch (error) {
      set({ startError: messageOf(error) });
    }
  },
  async cancel() {
    const { jobId } = get();
    if (jobId) await api.call('cancelBootTest', { jobId });
  },
  close: () => set({ target: null, jobId: null, startError: null }),
}));
