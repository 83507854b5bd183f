import { create } from 'zustand';
import type { BootTestProgress } from '../../shared/bootTestJob';
import type { BuildProgress } from '../../shared/diskImages/buildProgress';
import type { DriveProgress } from '../../shared/flash';
import type { JobFinished, JobKind, JobLog, JobProgress, JobState } from '../../shared/jobs';
import type { PushProgress } from '../../shared/updates/updateCalls';

/**
 * Log lines kept per job in the renderer: ten times a real osbuild log, all of it searchable in
 * the view (which draws only the rows in sight); the whole log also stays in the job's record.
 */
export const MAX_LOG_LINES = 200_000;
/** Finished jobs kept (the newest), so a long session does not grow without end. */
const KEEP_FINISHED = 20;

/** One job as the renderer knows it, whatever its kind: the same shape for every job. */
export interface Job {
  id: string;
  kind: JobKind;
  state: JobState;
  /** The latest progress per drive (flash, verify), or of the build, push or boot test (key 'build', 'push', 'bootTest'). */
  progress: Record<string, DriveProgress | BuildProgress | PushProgress | BootTestProgress>;
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

/**
 * How often arrived log lines are shown: a person cannot read faster, and each showing costs time
 * in proportion to the whole log (the view re-measures its rows), so lines from many events are
 * added at once, at most this often, instead of once per event.
 */
export const LOG_SHOWN_EVERY_MS = 100;
const pendingLines = new Map<string, { kind: JobLog['kind']; lines: string[] }>();
let flushTimer: ReturnType<typeof setTimeout> | null = null;

/** The jobs with the lines that arrived for them since the last showing. */
function withPendingLines(jobs: Record<string, Job>): Record<string, Job> {
  if (flushTimer !== null) clearTimeout(flushTimer);
  flushTimer = null;
  if (pendingLines.size === 0) return jobs;
  const next = { ...jobs };
  for (const [id, { kind, lines }] of pendingLines) {
    const job = jobOf(next, id, kind);
    const added = job.log.concat(lines);
    next[id] = { ...job, log: added.length > MAX_LOG_LINES ? added.slice(-MAX_LOG_LINES) : added };
  }
  pendingLines.clear();
  return next;
}

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
      event.kind === 'diskImageBuild'
        ? 'build'
        : event.kind === 'push' || event.kind === 'bootTest'
          ? event.kind
          : event.progress.drive;
    set({ jobs: { ...jobs, [job.id]: { ...job, progress: { ...job.progress, [key]: event.progress } } } });
  },
  logReceived(event) {
    const pending = pendingLines.get(event.jobId) ?? { kind: event.kind, lines: [] };
    for (const entry of event.lines) pending.lines.push(entry.line);
    pendingLines.set(event.jobId, pending);
    flushTimer ??= setTimeout(() => set({ jobs: withPendingLines(get().jobs) }), LOG_SHOWN_EVERY_MS);
  },
  finishedReceived(event) {
    // The last lines belong to the job before its end does (a failed build's reason is in them).
    const jobs = withPendingLines(get().jobs);
    const job = jobOf(jobs, event.jobId, event.kind);
    set({ jobs: prune({ ...jobs, [job.id]: { ...job, state: event.state, finished: event } }) });
  },
}));

/** The job with this id, or null (not started, or pruned). */
export const jobById = (id: string | null | undefined): Job | null =>
  id ? (useJobsStore.getState().jobs[id] ?? null) : null;
