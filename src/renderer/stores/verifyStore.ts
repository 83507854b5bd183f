import { create } from 'zustand';
import type { EventPayload } from '../../shared/api';
import type { DriveProgress } from '../../shared/flash';
import type { AuditReport } from '../../shared/report';
import { api } from '../api';
import { messageOf } from './messageOf';

export interface VerifyJob {
  jobId: string;
  image: string;
  drive: string;
  progress: DriveProgress | null;
  report: AuditReport | null;
  error: EventPayload<'flashFinished'>['error'];
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
  progressReceived(progress: DriveProgress): void;
  finishedReceived(finished: EventPayload<'flashFinished'>): void;
}

/** Ends that arrived before startVerify's answer named the job (events and answers race). */
const earlyEnds = new Map<string, EventPayload<'flashFinished'>>();

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
      const ended = earlyEnds.get(jobId);
      earlyEnds.delete(jobId);
      set({
        job: {
          jobId,
          image,
          drive,
          progress: null,
          report: ended?.report ?? null,
          error: ended?.error ?? null,
          finished: ended !== undefined,
        },
      });
    } catch (error) {
      set({ startError: messageOf(error) });
    }
  },
  async cancel() {
    const { job } = get();
    if (job && !job.finished) await api.call('cancelFlash', { jobId: job.jobId });
  },
  progressReceived(progress) {
    const { job } = get();
    if (job?.jobId === progress.jobId) set({ job: { ...job, progress } });
  },
  finishedReceived(finished) {
    const { job } = get();
    if (job?.jobId === finished.jobId) {
      set({ job: { ...job, report: finished.report, error: finished.error, finished: true } });
    } else if (finished.jobId.startsWith('verify-')) {
      earlyEnds.set(finished.jobId, finished);
    }
  },
}));
