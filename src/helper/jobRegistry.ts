import type { TargetBlockDevice } from './flash/targetBlockDevice';

/** The drives of every running job, so a cancel request can reach them. */
export class JobRegistry {
  private readonly jobs = new Map<string, Map<string, TargetBlockDevice>>();

  has(jobId: string): boolean {
    return this.jobs.has(jobId);
  }

  add(jobId: string, devices: Map<string, TargetBlockDevice>): void {
    this.jobs.set(jobId, devices);
  }

  remove(jobId: string): void {
    this.jobs.delete(jobId);
  }

  /** Cancels one drive of a job, or all of them. Returns the drives cancelled. */
  cancel(jobId: string, drive?: string): string[] {
    const devices = this.jobs.get(jobId);
    if (!devices) return [];
    const chosen = drive === undefined ? [...devices.keys()] : devices.has(drive) ? [drive] : [];
    for (const path of chosen) devices.get(path)?.cancel();
    return chosen;
  }

  cancelAll(): void {
    for (const jobId of this.jobs.keys()) this.cancel(jobId);
  }
}
