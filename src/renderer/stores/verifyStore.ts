import { create } from 'zustand';
import type { DriveProgress } from '../../shared/flash';
import type { DriveJobError } from '../../shared/jobs';
import type { AuditReport } from '../../shared/report';
import { api } from '../api';
import { jobById } from './jobsStore';
import { messageOf } from './messageOf';

export interface VerifyJob {
  jobId: string;
  image: string;
  drive: string;
  progress: DriveProgress | null;
  report: AuditReport | null;
  error: DriveJobError | null;
  finished: boolean;
}

interface VerifyState {
  image: string;
  drive: string;
  job: VerifyJob | null;
  /** Why the job could not even start (main refused the input), in words. */
  startError: string | null;
  setImage(image: string): void;
  setDrive(drive: string): void;
  start(): Promise<void>;
  cancel(): Promise<void>;
  /** Takes the job's progress and end from the jobs store (called whenever that changes). */
  syncFromJobs(): void;
}

/** The Verify tool: one image, one drive, compared without writing. */
export const useVerifyStore = create<VerifyState>((set, get) => ({
  image: '',
  drive: '',
  job: null,
  startError: null,
  setImage: (image) => set({ image }),
  setDrive: (drive) => set({ drive }),
  async start() {
    const image = get().image.trim();
    const { drive } = get();
    set({ startError: null, job: null });
    try {
      const { jobId } = await api.call('startVerify', { image, drive });
      set({ job: { jobId, image, drive, progress: null, report: null, error: null, finished: false } });
      get().syncFromJobs();
    } catch (error) {
      set({ startError: messageOf(error) });
    }
  },
  async cancel() {
    const { job } = get();
    if (job && !job.finished) await api.call('cancelFlash', { jobId: job.jobId });
  },
  syncFromJobs() {
    const { job } = get();
    const known = jobById(job?.jobId);
    if (!job || !known) return;
    const progress = (Object.values(known.progress)[0] as DriveProgress | undefined) ?? null;
    const end = known.finished?.kind === 'verify' ? known.finished : null;
    if (progress === job.progress && (end === null) === !job.finished) return;
    set({
      job: { ...job, progress, ...(end ? { report: end.report, error: end.error, finished: true } : {}) },
    });
  },
}));
