import { randomBytes } from 'node:crypto';
import type { EmitEvent } from '../../shared/api';
import type { DriveProgress } from '../../shared/flash';
import { type DriveJobError, driveJobState } from '../../shared/jobs';
import type { AuditReport } from '../../shared/report';
import type { HelperClient } from '../privileged/helperClient';
import { saveReport } from '../reports/reportStore';
import { jobErrorShape } from './jobErrorShape';

export interface FlashRequestFromUi {
  image: string;
  drives: string[];
  verify: boolean;
  full: boolean;
  eject: boolean;
  includeVirtual: boolean;
}

export interface VerifyRequestFromUi {
  image: string;
  drive: string;
  includeVirtual: boolean;
}

export interface FlashService {
  start(request: FlashRequestFromUi): Promise<{ jobId: string }>;
  /** A drive's progress from the helper, sent on as its job's (a flash or a verify). */
  progressReceived(progress: DriveProgress): void;
  cancel(jobId: string, drive?: string): Promise<{ cancelled: string[] }>;
  /** Reads one drive back and compares it with an image, writing nothing; its end comes as jobFinished. */
  verify(request: VerifyRequestFromUi): Promise<{ jobId: string }>;
  /** Ids of the jobs started and not yet finished (quitting asks first while there are any). */
  activeJobs(): string[];
  /** Resolves once every job started so far has finished and left its audit report. */
  settled(): Promise<void>;
}

/**
 * Runs flash jobs for the app through the privileged helper, started once on first use (one
 * password prompt per run). Progress and the end of each job arrive as events; every finished
 * job leaves an audit report in the data directory.
 */
export function createFlashService(options: {
  dataDir: string;
  emit: EmitEvent;
  /** The app's one privileged helper (see sharedHelper.ts). */
  helper: () => Promise<HelperClient>;
  log: (message: string) => void;
}): FlashService {
  const getHelper = options.helper;
  const running = new Map<string, Promise<void>>();
  /** Which kind each job of this service is, for its progress events. */
  const kinds = new Map<string, 'flash' | 'verify'>();
  const finish = (jobId: string, report: AuditReport | null, error: DriveJobError | null) => {
    const kind = kinds.get(jobId) ?? 'flash';
    kinds.delete(jobId);
    options.emit('jobFinished', { jobId, kind, state: driveJobState(report, error), report, error });
  };

  async function run(jobId: string, request: FlashRequestFromUi): Promise<void> {
    try {
      const client = await getHelper();
      const result = await client.call({
        method: 'flash',
        params: {
          jobId,
          image: request.image,
          drives: request.drives,
          options: {
            verify: request.verify,
            full: request.full,
            includeVirtual: request.includeVirtual,
            eject: request.eject,
          },
        },
      });
      finish(jobId, await saveReport(options.dataDir, result), null);
    } catch (error) {
      options.log(`flash ${jobId} did not run: ${String(error)}`);
      finish(jobId, null, jobErrorShape(error));
    } finally {
      running.delete(jobId);
    }
  }

  /** A verify job: same helper, same events, same audit report as a flash, nothing written. */
  async function runVerify(jobId: string, request: VerifyRequestFromUi): Promise<void> {
    try {
      const client = await getHelper();
      const params = { jobId, ...request };
      const result = await client.call({ method: 'verify', params });
      finish(jobId, await saveReport(options.dataDir, result), null);
    } catch (error) {
      options.log(`verify ${jobId} did not run: ${String(error)}`);
      finish(jobId, null, jobErrorShape(error));
    }
  }

  return {
    async start(request) {
      const jobId = `job-${randomBytes(6).toString('hex')}`;
      kinds.set(jobId, 'flash');
      running.set(jobId, run(jobId, request));
      return { jobId };
    },
    async verify(request) {
      const jobId = `verify-${randomBytes(6).toString('hex')}`;
      kinds.set(jobId, 'verify');
      // Not among the running jobs: it writes nothing, so quitting mid-verify loses nothing.
      void runVerify(jobId, request);
      return { jobId };
    },
    progressReceived(progress) {
      const kind = kinds.get(progress.jobId);
      if (kind) options.emit('jobProgress', { jobId: progress.jobId, kind, progress });
    },
    async cancel(jobId, drive) {
      const client = await getHelper();
      return client.call({ method: 'cancel', params: { jobId, ...(drive ? { drive } : {}) } });
    },
    activeJobs: () => [...running.keys()],
    async settled() {
      await Promise.allSettled([...running.values()]);
    },
  };
}
