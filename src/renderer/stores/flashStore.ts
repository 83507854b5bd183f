import { create } from 'zustand';
import type { EventPayload } from '../../shared/api';
import { ApiError } from '../../shared/bridge';
import type { ErrorCode } from '../../shared/errors';
import type { DriveProgress } from '../../shared/flash';
import type { ChosenImage } from '../../shared/image';
import type { AuditReport } from '../../shared/report';
import { api } from '../api';

export interface FlashJob {
  jobId: string;
  /** The image this job writes: a retry writes the same one even if another was chosen since. */
  image: string;
  drives: string[];
  progress: Record<string, DriveProgress>;
  report: AuditReport | null;
  error: EventPayload<'flashFinished'>['error'];
  finished: boolean;
}

interface FlashState {
  image: ChosenImage | null;
  imageError: string | null;
  /** The refusal's stable code, for saying it in the person's language. */
  imageErrorCode: ErrorCode | null;
  verify: boolean;
  job: FlashJob | null;
  /** Reports of the jobs this one followed (a retry keeps the first job's report in view). */
  earlierReports: AuditReport[];
  /** Chooses the image to flash; false when main refused it (the earlier choice stays). */
  chooseImage(path: string): Promise<boolean>;
  setVerify(verify: boolean): void;
  /** Starts a job on the drives; `image` defaults to the chosen one (a retry passes its job's). */
  start(drives: string[], image?: string): Promise<void>;
  cancel(drive?: string): Promise<void>;
  progressReceived(progress: DriveProgress): void;
  finishedReceived(finished: EventPayload<'flashFinished'>): void;
}

/** The Flash step's state: the chosen image, and the running or last job with per-drive progress. */
export const useFlashStore = create<FlashState>((set, get) => ({
  image: null,
  imageError: null,
  imageErrorCode: null,
  verify: true,
  job: null,
  earlierReports: [],
  async chooseImage(path) {
    try {
      set({ image: await api.call('selectImage', { path }), imageError: null, imageErrorCode: null });
      return true;
    } catch (error) {
      // Main refused before changing anything, so the image chosen before stays chosen.
      set({
        imageError: error instanceof Error ? error.message : String(error),
        imageErrorCode: error instanceof ApiError ? error.code : null,
      });
      return false;
    }
  },
  setVerify: (verify) => set({ verify }),
  async start(drives, image = get().image?.path) {
    const { verify, job: previous, earlierReports } = get();
    if (!image) return;
    const { jobId } = await api.call('startFlash', { image, drives, verify, full: false, eject: false });
    set({
      job: { jobId, image, drives, progress: {}, report: null, error: null, finished: false },
      earlierReports: previous?.report ? [previous.report, ...earlierReports] : earlierReports,
    });
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
