import { HelperRefusal } from './errors';

/** Anything a running job can stop: a drive being written, a podman container. */
export interface Cancellable {
  cancel(): void;
}

/** More jobs than this at once is not a person using Bootstick; each one holds drives or podman. */
export const MAX_CONCURRENT_JOBS = 8;

export class JobRefused extends HelperRefusal {}

interface Job {
  parts: Map<string, Cancellable>;
  /** A cancel of the whole job that came before its parts were known. */
  cancelRequested: boolean;
}

/**
 * The running jobs, each claimed under its id the moment its request arrives (so two requests
 * with one id cannot both start), with the cancellable parts it has now (a flash job's drives, a
 * build's container), so a cancel request can reach them.
 */
export class JobRegistry {
  private readonly jobs = new Map<string, Job>();
  /** Set once the parent has gone: every job is cancelled, and parts set afterwards at once. */
  private closing = false;

  /** Claims `jobId` for a job about to start; refused when the id is taken or too many jobs run. */
  claim(jobId: string): void {
    if (this.jobs.has(jobId)) throw new JobRefused(`Job ${jobId} is already running.`);
    if (this.jobs.size >= MAX_CONCURRENT_JOBS) {
      throw new JobRefused(
        `The helper is already running ${MAX_CONCURRENT_JOBS} jobs, as many as it takes at once; start this one when one of them has ended.`,
      );
    }
    this.jobs.set(jobId, { parts: new Map(), cancelRequested: this.closing });
  }

  has(jobId: string): boolean {
    return this.jobs.has(jobId);
  }

  /** The parts a cancel reaches now (replacing earlier ones); cancelled at once if cancel came first. */
  add(jobId: string, parts: Map<string, Cancellable>): void {
    const job = this.jobs.get(jobId) ?? { parts: new Map(), cancelRequested: this.closing };
    job.parts = parts;
    this.jobs.set(jobId, job);
    if (job.cancelRequested) for (const part of parts.values()) part.cancel();
  }

  remove(jobId: string): void {
    this.jobs.delete(jobId);
  }

  /** Cancels one part (drive) of a job, or all of them. Returns the parts cancelled. */
  cancel(jobId: string, drive?: string): string[] {
    const job = this.jobs.get(jobId);
    if (!job) return [];
    if (drive === undefined) job.cancelRequested = true;
    const chosen = drive === undefined ? [...job.parts.keys()] : job.parts.has(drive) ? [drive] : [];
    for (const path of chosen) job.parts.get(path)?.cancel();
    return chosen;
  }

  cancelAll(): void {
    this.closing = true;
    for (const jobId of this.jobs.keys()) this.cancel(jobId);
  }
}
