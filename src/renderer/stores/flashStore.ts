import { create } from 'zustand';
import type { EventPayload } from '../../shared/api';
import type { DriveProgress } from '../../shared/flash';
import type { ImageInfo } from '../../shared/image';
import type { AuditReport } from '../../shared/report';
import { api } from '../api';

export interface FlashJob {
  jobId: string;
  drives: string[];
  progress: Record<string, DriveProgress>;
  report: AuditReport | null;
  error: EventPayload<'flashFinished'>['error'];
  finished: boolean;
}

interface FlashState {
  image: ImageInfo | null;
  imageError: string | null;
  verify: boolean;
  job: FlashJob | null;
  chooseImage(path: string): Promise<void>;
  setVerify(verify: boolean): void;
  start(drives: string[]): Promise<void>;
  cancel(drive?: string): Promise<void>;
  progressReceived(progress: DriveProgress): void;
  finishedReceived(finished: EventPayload<'flashFinished'>): void;
}

/** The Flash step's state: the chosen image, and the running or last job with per-drive progress. */
export const useFlashStore = create<FlashState>((set, get) => ({
  image: null,
  imageError: null,
  verify: true,
  job: null,
  async chooseImage(path) {
    try {
      set({ image: await api.call('selectImage', { path }), imageError: null });
    } catch (error) {
      set({ image: null, imageError: error instanceof Error ? error.message : String(error) });
    }
  },
  setVerify: (verify) => set({ verify }),
  async start(drives) {
    const { image, verify } = get();
    if (!image) return;
    const { jobId } = await api.call('startFlash', {
      image: image.path,
      drives,
      verify,
      full: false,
      eject: false,
    });
    set({ job: { jobId, drives, progress: {}, report: null, error: null, finished: false } });
  },
  async cancel(drive) {
    const { job } = get();
    if (job && !job.finished)
      await api.call('cancelFlash', { jobId: job.jobId, ...(drive ? { drive } : {}) });
  },
  progressReceived(progress) {
    const { job } = get();
    if (job?.jobId !== progress.jobId) return;
    set({ job: { ...job, progress: { ...job.progress, [progress.drive]: progress } } });
  },
  finishedReceived({ jobId, report, error }) {
    const { job } = get();
    if (job?.jobId !== jobId) return;
    set({ job: { ...job, report, error, finished: true } });
  },
}));
