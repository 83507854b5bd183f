import { create } from 'zustand';
import { ApiError } from '../../shared/bridge';
import { addSample, type SpeedSample } from '../../shared/drives/driveTempo';
import type { ErrorCode } from '../../shared/errors';
import type { DriveProgress } from '../../shared/flash';
import type { ChosenImage } from '../../shared/image';
import type { DriveJobError } from '../../shared/jobs';
import type { AuditReport } from '../../shared/report';
import { api } from '../api';
import { jobById } from './jobsStore';

export interface FlashJob {
  jobId: string;
  /** The image this job writes: a retry writes the same one even if another was chosen since. */
  image: string;
  drives: string[];
  progress: Record<string, DriveProgress>;
  /** Each drive's progress over time, for its speed graph and to tell a slow or stalled drive. */
  samples: Record<string, SpeedSample[]>;
  report: AuditReport | null;
  error: DriveJobError | null;
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
  /** Takes the job's progress and end from the jobs store (called whenever that changes). */
  syncFromJobs(): void;
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
      job: { jobId, image, drives, progress: {}, samples: {}, report: null, error: null, finished: false },
      earlierReports: previous?.report ? [previous.report, ...earlierReports] : earlierReports,
    });
    get().syncFromJobs();
  },
  async cancel(drive) {
    const { job } = get();
    if (job && !job.finished)
      await api.call('cancelFlash', { jobId: job.jobId, ...(drive ? { drive } : {}) });
  },
  syncFromJobs() {
    const { job } = get();
    const known = jobById(job?.jobId);
    if (!job || !known) return;
    const progress = known.progress as Record<string, DriveProgress>;
    const end = known.finished?.kind === 'flash' ? known.finished : null;
    if (progress === job.progress && (end === null) === !job.finished) return;
    const now = Date.now();
    const samples = { ...job.samples };
    for (const [drive, driveProgress] of Object.entries(progress))
      samples[drive] = addSample(samples[drive] ?? [], driveProgress, now);
    set({
      job: {
        ...job,
        progress,
        samples,
        ...(end ? { report: end.report, error: end.error, finished: true } : {}),
      },
    });
  },
}));
