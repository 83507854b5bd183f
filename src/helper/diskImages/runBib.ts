import { randomBytes } from 'node:crypto';
import { execa } from 'execa';
import type { BibRunRequest, BibRunResult } from '../../shared/diskImages/bibRun';
import type { JobRegistry } from '../jobRegistry';
import { osbuildCacheFolders, rootGraphRoot } from '../podman/rootPodmanPaths';
import { type LineSink, streamChildLines } from '../podman/streamChildLines';
import { helperCaller } from '../safety/caller';
import { callerFs } from '../safety/callerFs';
import { createPrivateJobFolder, type PrivateJobFolder } from '../safety/privateJobFolder';
import { writePrivateBibConfig } from './bibConfigFile';
import { bibPodmanArgs } from './bibInvocation';
import { resolveBuilderImage } from './builderImages';
import { HandOverError, handOverOutputs } from './handOverOutputs';
import { type OutputFolder, openOutputFolder } from './openOutputFolder';

/** Lines kept for classifying a failure. */
const TAIL_LINES = 200;
/** How long bib gets to stop on SIGTERM before podman kills it. */
const STOP_GRACE_SECONDS = 5;
/** A manifest is a few MiB at most; more than this is not a manifest, and is not kept. */
const MAX_MANIFEST_BYTES = 32 * 1024 * 1024;

/**
 * Runs bib once through rootful podman, streaming every output line as it comes.
 *
 * bib runs privileged, so nothing the caller can touch goes near it: the builder image must be one
 * root's /etc/bootstick/builders.conf allows (run by the image id pinned on first use), the config
 * lives in a root-only file for the run, and bib writes into a private root-only folder. Only
 * when the build succeeded are its outputs handed over, as the caller, into the caller's folder
 * (opened as the caller before bib started). A cancelled or failed build removes only the private
 * folder; the caller's folder is never emptied, chowned or deleted by root.
 */
export async function runBib(
  request: BibRunRequest,
  registry: JobRegistry,
  sink: LineSink,
): Promise<BibRunResult> {
  const builder = await resolveBuilderImage(request.bibImage);
  const fs = callerFs(await helperCaller());
  let output: OutputFolder | null = null;
  let privateOutput: PrivateJobFolder | null = null;
  let config: { path: string; dispose(): Promise<void> } | null = null;
  const containerName = `bootstick-${request.mode}-${request.jobId}-${randomBytes(3).toString('hex')}`;
  let cancelled = false;
  let ranToEnd = false;
  const tail: string[] = [];
  let stdout = '';
  let stdoutTooLong = false;
  const startedAt = Date.now();
  const emit = (stream: 'stdout' | 'stderr', line: string) => {
    tail.push(line);
    if (tail.length > TAIL_LINES) tail.shift();
    sink.emit({ jobId: request.jobId, stream, line });
  };
  try {
    if (request.mode === 'build') {
      if (!request.outputDir) throw new Error('A build needs an output folder.');
      output = await openOutputFolder(request.outputDir, fs);
      privateOutput = await createPrivateJobFolder('outputs', request.jobId);
    }
    const graphRoot = await rootGraphRoot();
    const caches = await osbuildCacheFolders();
    config = await writePrivateBibConfig(request.jobId, request.config);
    const args = bibPodmanArgs(
      { ...request, bibImage: builder.imageId },
      {
        graphRoot,
        configFile: config.path,
        ...caches,
        ...(privateOutput ? { outputDir: privateOutput.path } : {}),
      },
      containerName,
    );
    const child = execa('podman', args, { reject: false, buffer: false, stdin: 'ignore' });
    registry.add(
      request.jobId,
      new Map([
        [
          'container',
          {
            cancel() {
              cancelled = true;
              // podman run forwards SIGTERM to bib (sig-proxy); stop covers a detached podman.
              child.kill('SIGTERM');
              void stopContainer(containerName);
            },
          },
        ],
      ]),
    );
    const streamed = streamChildLines(
      child,
      (stream, line) => {
        if (stream === 'stdout' && request.mode === 'manifest' && !stdoutTooLong) {
          stdout += `${line}\n`;
          if (stdout.length > MAX_MANIFEST_BYTES) {
            stdoutTooLong = true;
            stdout = '';
          }
        }
        emit(stream, line);
      },
      sink,
    );
    const [result] = await Promise.all([child, streamed]);
    ranToEnd = result.exitCode === 0 || result.exitCode === 1;
    let exitCode = result.exitCode ?? null;
    if (stdoutTooLong) {
      emit('stderr', `error: bib printed more than ${MAX_MANIFEST_BYTES} bytes for its manifest; not kept.`);
      exitCode = exitCode === 0 ? 1 : exitCode;
    }
    if (exitCode === 0 && !cancelled && output && privateOutput) {
      try {
        await handOverOutputs({
          privateDir: privateOutput.path,
          outputFd: output.fd,
          outputDir: output.path,
          fs,
          shouldStop: () => cancelled,
          log: (line) => emit('stderr', line),
        });
      } catch (error) {
        if (!(error instanceof HandOverError)) throw error;
        emit('stderr', `error: ${error.message}`);
        exitCode = 1;
      }
    }
    return {
      exitCode,
      signal: result.signal ?? null,
      cancelled,
      stdout,
      tail,
      containerName,
      startedAt,
      endedAt: Date.now(),
    };
  } finally {
    registry.remove(request.jobId);
    output?.close();
    await config?.dispose();
    await privateOutput?.dispose();
    // `--rm` removed the container if bib ran to its own end (exit 0 or 1); after a cancel or
    // podman itself failing (125+, a signal) make sure no container is left.
    if (cancelled || !ranToEnd)
      await execa('podman', ['rm', '--force', '--ignore', containerName], { reject: false });
  }
}

/** SIGTERM to bib (it stops osbuild), then SIGKILL after a grace period; podman removes it. */
async function stopContainer(name: string): Promise<void> {
  await execa('podman', ['stop', '--ignore', '--time', String(STOP_GRACE_SECONDS), name], { reject: false });
}
