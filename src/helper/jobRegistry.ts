/** Anything a running job can stop: a drive being written, a podman container. */
export interface Cancellable {
  cancel(): void;
}

/**
 * The cancellable parts of every running job (a flash job's drives, a build's container), so a
 * cancel request can reach them.
 */
export class JobRegistry {
  private readonly jobs = new Map<string, Map<string, Cancellable>>();
  /** Set once the parent has gone: a job that registers afterwards (its request arrived just before) is cancelled at once. */
  private closing = false;

  has(jobId: string): boolean {
    return this.jobs.has(jobId);
  }

  add(jobId: string, devices: Map<string, Cancellable>): void {
    this.jobs.set(jobId, devices);
    if (this.closing) this.cancel(jobId);
  }

  remove(jobId: string): void {
    this.jobs.delete(jobId);
  }

  /** Cancels one part (drive) of a job, or all of them. Returns the parts cancelled. */
  cancel(jobId: string, drive?: string): string[] {
    const devices = this.jobs.get(jobId);
    if (!devices) return [];
    const chosen = drive === undefined ? [...devices.keys()] : devices.has(drive) ? [drive] : [];
    for (const path of chosen) devices.get(path)?.cancel();
    return chosen;
  }

  cancelAll(): void {
    this.closing = true;
    for (const jobId of this.jobs.keys()) this.cancel(jobId);
  }
}
