import type { BuildLogLine } from '../../shared/diskImages/bibRun';
import type { PushFinished } from '../../shared/jobs';
import { pushState } from '../../shared/jobs';
import { ociArchitecture } from '../../shared/updates/imageSpec';
import { pushProgressOf } from '../../shared/updates/pushProgressOf';
import type { PushProgress, StartPushInput } from '../../shared/updates/updateCalls';
import { errorShape } from '../containerImages/containerImageService';
import { cancelHelperJob } from '../privileged/cancelHelperJob';
import type { HelperClient } from '../privileged/helperClient';
import { newPushJobId, publishVersion } from './publishVersion';
import { readImageLayers } from './readImageLayers';

export interface PushEvents {
  progress(jobId: string, progress: PushProgress): void;
  log(jobId: string, lines: Omit<BuildLogLine, 'jobId'>[]): void;
  finished(end: PushFinished): void;
}

export interface PushService {
  /** Starts publishing a version; progress, podman's lines and the end arrive as events. */
  start(input: StartPushInput): Promise<{ jobId: string }>;
  cancel(jobId: string): Promise<boolean>;
}

/** podman prints a line per blob: sent on in bursts, like a build's log. */
const LOG_FLUSH_MS = 200;

/**
 * The app's side of "publish a version": the same publishVersion the CLI's `bootstick push` runs
 * (the person's auth file found as the person, the helper pushing), with the image's layer count
 * read first so the progress can say "layer 2 of 5", and the end reported as a job.
 */
export function createPushService(options: {
  helper: () => Promise<HelperClient>;
  events: PushEvents;
  log?: (message: string) => void;
}): PushService {
  const running = new Map<string, { cancelled: boolean }>();

  async function layerCount(image: string): Promise<number | null> {
    try {
      return (
        await readImageLayers({ where: 'local', ref: image }, options.helper, {
          architecture: ociArchitecture(process.arch),
        })
      ).layers.length;
    } catch {
      // Not in root's storage: the helper says so in its own words when the push starts.
      return null;
    }
  }

  async function run(jobId: string, input: StartPushInput): Promise<void> {
    const state = { cancelled: false };
    running.set(jobId, state);
    let pending: Omit<BuildLogLine, 'jobId'>[] = [];
    const flush = () => {
      if (pending.length > 0) options.events.log(jobId, pending);
      pending = [];
    };
    const timer = setInterval(flush, LOG_FLUSH_MS);
    const request = {
      image: input.image,
      destination: input.destination,
      movingTag: input.movingTag ?? null,
    };
    try {
      options.events.progress(jobId, pushProgressOf(null).current());
      const tracker = pushProgressOf(await layerCount(input.image));
      options.events.progress(jobId, tracker.current());
      if (state.cancelled) {
        const result = {
          ok: false,
          cancelled: true,
          failure: null,
          detail: null,
          digest: null,
          movedTag: false,
          tail: [],
        };
        options.events.finished({ jobId, kind: 'push', state: 'cancelled', request, result, error: null });
        return;
      }
      const result = await publishVersion({ ...input, jobId }, options.helper, (line) => {
        pending.push({ stream: 'stderr', line });
        const next = tracker.feed(line);
        if (next) options.events.progress(jobId, next);
      });
      flush();
      options.events.finished({
        jobId,
        kind: 'push',
        state: pushState(result),
        request,
        result,
        error: null,
      });
    } catch (error) {
      flush();
      options.log?.(`push ${jobId} did not run: ${String(error)}`);
      options.events.finished({
        jobId,
        kind: 'push',
        state: state.cancelled ? 'cancelled' : 'failed',
        request,
        result: null,
        error: errorShape(error),
      });
    } finally {
      clearInterval(timer);
      running.delete(jobId);
    }
  }

  return {
    async start(input) {
      const jobId = newPushJobId();
      void run(jobId, input).catch((error) => options.log?.(`push ${jobId} crashed: ${String(error)}`));
      return { jobId };
    },
    async cancel(jobId) {
      const state = running.get(jobId);
      if (!state) return false;
      state.cancelled = true;
      const client = await options.helper();
      await cancelHelperJob(client, jobId, () => running.has(jobId));
      return true;
    },
  };
}
