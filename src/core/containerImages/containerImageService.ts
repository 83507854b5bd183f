import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import {
  type ImageBuildFinished,
  type ImageBuildInput,
  ImageBuildInputSchema,
  type ImageBuildRequest,
} from '../../shared/containerImages/containerfileBuild';
import type { BuildLogLine } from '../../shared/diskImages/bibRun';
import { AppError, type AppErrorShape } from '../../shared/errors';
import { cancelHelperJob } from '../privileged/cancelHelperJob';
import { ElevationError, HelperCallError, type HelperClient } from '../privileged/helperClient';

export interface ImageBuildEvents {
  /** The same buildLog event bib builds use, keyed by the image build's id. */
  log(buildId: string, lines: Omit<BuildLogLine, 'jobId'>[]): void;
  finished(result: ImageBuildFinished): void;
}

export interface ContainerImageService {
  /** Starts `podman build`; its log and its end arrive as events. */
  start(input: ImageBuildInput): Promise<{ buildId: string }>;
  /** The same build, awaited (the CLI); onStart gets the id at once, for a cancel. */
  run(input: ImageBuildInput, onStart?: (buildId: string) => void): Promise<ImageBuildFinished>;
  cancel(buildId: string): Promise<boolean>;
}

/** How often buffered log lines are sent on (a dnf install prints hundreds a second). */
const LOG_FLUSH_MS = 200;

/**
 * Builds bootc images from Containerfiles with root's podman, through the privileged helper (bib
 * only sees root's storage). This side picks the id, forwards the log and reports the end.
 */
export function createContainerImageService(options: {
  helper: () => Promise<HelperClient>;
  events: ImageBuildEvents;
  log?: (message: string) => void;
}): ContainerImageService {
  const running = new Map<string, { cancelled: boolean; sent: boolean }>();

  function prepare(input: ImageBuildInput): Omit<ImageBuildRequest, 'jobId'> {
    const parsed = ImageBuildInputSchema.safeParse(input);
    if (!parsed.success) throw new AppError('invalidInput', z.prettifyError(parsed.error));
    const { contextDir, containerfile, tag, buildArgs } = parsed.data;
    return {
      contextDir,
      containerfile: containerfile ?? join(contextDir, 'Containerfile'),
      tag,
      ...(buildArgs ? { buildArgs } : {}),
    };
  }

  async function run(
    buildId: string,
    request: Omit<ImageBuildRequest, 'jobId'>,
  ): Promise<ImageBuildFinished> {
    const state = { cancelled: false, sent: false };
    running.set(buildId, state);
    let pending: Omit<BuildLogLine, 'jobId'>[] = [];
    const flush = () => {
      if (pending.length > 0) options.events.log(buildId, pending);
      pending = [];
    };
    const timer = setInterval(flush, LOG_FLUSH_MS);
    let detach = () => {};
    const end = (result: Omit<ImageBuildFinished, 'buildId' | 'tag'>): ImageBuildFinished => {
      flush();
      const finished = { buildId, tag: request.tag, ...result };
      options.events.finished(finished);
      return finished;
    };
    try {
      const client = await options.helper();
      detach = client.onBuildLog((line) => {
        if (line.jobId === buildId) pending.push({ stream: line.stream, line: line.line });
      });
      if (state.cancelled) return end({ ok: false, cancelled: true, imageId: null, tail: [], error: null });
      state.sent = true;
      const result = await client.call({ method: 'podmanBuild', params: { jobId: buildId, ...request } });
      return end({ ...result, error: null });
    } catch (error) {
      options.log?.(`image build ${buildId} did not run: ${String(error)}`);
      return end({ ok: false, cancelled: false, imageId: null, tail: [], error: errorShape(error) });
    } finally {
      clearInterval(timer);
      detach();
      running.delete(buildId);
    }
  }

  return {
    async start(input) {
      const request = prepare(input);
      const buildId = newImageBuildId();
      void run(buildId, request).catch((error) => options.log?.(`image build ${buildId} crashed: ${error}`));
      return { buildId };
    },
    async run(input, onStart) {
      const request = prepare(input);
      const buildId = newImageBuildId();
      onStart?.(buildId);
      return run(buildId, request);
    },
    async cancel(buildId) {
      const state = running.get(buildId);
      if (!state) return false;
      state.cancelled = true;
      const client = await options.helper();
      // The helper registers the job only once it has checked the request and started podman.
      await cancelHelperJob(client, buildId, () => state.sent && running.has(buildId));
      return true;
    },
  };
}

function newImageBuildId(): string {
  return `image-${randomBytes(6).toString('hex')}`;
}

/** A failure as the job events carry it: the helper's refusal, an elevation that failed, or else. */
export function errorShape(error: unknown): AppErrorShape {
  if (error instanceof HelperCallError) {
    const codes = { refused: 'refused', badRequest: 'invalidInput', internal: 'internal' } as const;
    return { code: codes[error.error.code], message: error.message };
  }
  if (error instanceof ElevationError) return { code: 'elevation', message: error.message };
  if (error instanceof AppError) return error.toShape();
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}
