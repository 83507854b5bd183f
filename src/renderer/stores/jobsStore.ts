import { create } from 'zustand';
import type { BuildProgress } from '../../shared/diskImages/buildProgress';
import type { DriveProgress } from '../../shared/flash';
import type { JobFinished, JobKind, JobLog, JobProgress, JobState } from '../../shared/jobs';
import type { PushProgress } from '../../shared/updates/updateCalls';

/** Log lines kept on screen per job; the whole log stays in the job's record. */
export const MAX_LOG_LINES = 2000;
/** Finished jobs kept (the newest), so a long session does not grow without end. */
const KEEP_FINISHED = 20;

/** One job as the renderer knows it, whatever its kind: the same shape for every job. */
export interface Job {
  id: string;
  kind: JobKind;
  state: JobState;
  /** The latest progress per drive (flash, verify), or of the build or push (key 'build', 'push'). */
  progress: Record<string, DriveProgress | BuildProgress | PushProgress>;
  log: string[];
  /** The end, once the job finished: what it made and how it went. */
  finished: JobFinished | null;
  /** Order of arrival, for pruning the oldest finished jobs. */
  seq: number;
}

interface JobsState {
  jobs: Record<string, Job>;
  progressReceived(event: JobProgress): void;
  logReceived(event: JobLog): void;
  finishedReceived(event: JobFinished): void;
}

let seq = 0;

function jobOf(jobs: Record<string, Job>, id: string, kind: JobKind): Job {
  return jobs[id] ?? { id, kind, state: 'running', progress: {}, log: [], finished: null, seq: ++seq };
}

function prune(jobs: Record<string, Job>): Record<string, Job> {
  const finished = Object.values(jobs)
    .filter((job) => job.finished)
    .sort((a, b) => b.seq - a.seq);
  if (finished.length <= KEEP_FINISHED) return jobs;
  const drop = new Set(finished.slice(KEEP_FINISHED).map((job) => job.id));
  return Object.fromEntries(Object.entries(jobs).filter(([id]) => !drop.has(id)));
}

/**
 * Every job main reports, by id, from the one set of job events (shared/jobs.ts). Events are kept
 * from the first one on, so nothing is lost when they arrive before the call that started the job
 * has answered with its id; the steps' stores read their job from here.
 */
export const useJobsStore = create<JobsState>((set, get) => ({
  jobs: {},
  progressReceived(event) {
    const { jobs } = get();
    const job = jobOf(jobs, event.jobId, event.kind);
    const key =
      event.kind === 'diskImageBuild' ? 'build' : event.kind === 'push' ? 'push' : event.progress.drive;
    set({ jobs: { ...jobs, [job.id]: { ...job, progress: { ...job.progress, [key]: event.progress } } } });
  },
  logReceived(event) {
    const { jobs } = get();
    const job = jobOf(jobs, event.jobId, event.kind);
    const log = [...job.log, ...event.lines.map((entry) => entry.line)].slice(-MAX_LOG_LINES);
    set({ jobs: { ...jobs, [job.id]: { ...job, log } } });
  },
  finishedReceived(event) {
    const { jobs } = get();
    const job = jobOf(jobs, event.jobId, event.kind);
    set({ jobs: prune({ ...jobs, [job.id]: { ...job, state: event.state, finished: event } }) });
  },
}));

/** The job with this id, or null (not started, or pruned). */
export const jobById = (id: string | null | undefined): Job | null =>
  id ? (useJobsStore.getState().jobs[id] ?? null) : null;
