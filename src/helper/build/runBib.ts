import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import type { BibRunRequest, BibRunResult, BuildLogLine } from '../../shared/build/bibRun';
import type { JobRegistry } from '../jobRegistry';
import { writePrivateBibConfig } from './bibConfigFile';
import { bibPodmanArgs } from './bibInvocation';
import { checkBuildOutputDir } from './checkBuildOutputDir';
import { podmanStatus } from './podmanQueries';
import { streamChildLines } from './streamChildLines';

/** Persistent caches bib reuses between runs (root's, like its container storage). */
const CACHE_ROOT = '/var/cache/bootstick';
/** Lines kept for classifying a failure. */
const TAIL_LINES = 200;
/** How long bib gets to stop on SIGTERM before podman kills it. */
const STOP_GRACE_SECONDS = 5;

/**
 * Runs bib once through rootful podman, streaming every output line as it comes. The config
 * lives in a private file only for the run; a cancelled or failed build leaves no container and
 * no partial output behind.
 */
export async function runBib(
  request: BibRunRequest,
  registry: JobRegistry,
  emitLine: (line: BuildLogLine) => void,
): Promise<BibRunResult> {
  const owner = request.mode === 'build' ? await checkOutputDir(request) : null;
  const graphRoot = await rootGraphRoot();
  const storeDir = join(CACHE_ROOT, 'osbuild-store');
  const rpmmdDir = join(CACHE_ROOT, 'rpmmd');
  await mkdir(storeDir, { recursive: true, mode: 0o700 });
  await mkdir(rpmmdDir, { recursive: true, mode: 0o700 });

  const config = await writePrivateBibConfig(request.config);
  const containerName = `bootstick-${request.mode}-${request.jobId}-${randomBytes(3).toString('hex')}`;
  let cancelled = false;
  let ranToEnd = false;
  const tail: string[] = [];
  let stdout = '';
  const startedAt = Date.now();
  try {
    const args = bibPodmanArgs(
      request,
      {
        graphRoot,
        configFile: config.path,
        storeDir,
        rpmmdDir,
        ...(owner && request.outputDir ? { output: { dir: request.outputDir, ...owner } } : {}),
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
    const streamed = streamChildLines(child, (stream, line) => {
      if (stream === 'stdout' && request.mode === 'manifest') stdout += `${line}\n`;
      tail.push(line);
      if (tail.length > TAIL_LINES) tail.shift();
      emitLine({ jobId: request.jobId, stream, line });
    });
    const [result] = await Promise.all([child, streamed]);
    ranToEnd = result.exitCode === 0 || result.exitCode === 1;
    const ok = result.exitCode === 0 && !cancelled;
    if (!ok && request.mode === 'build' && request.outputDir) await emptyFolder(request.outputDir);
    return {
      exitCode: result.exitCode ?? null,
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
    await config.dispose();
    // `--rm` removed the container if bib ran to its own end (exit 0 or 1); after a cancel or
    // podman itself failing (125+, a signal) make sure no container is left.
    if (cancelled || !ranToEnd)
      await execa('podman', ['rm', '--force', '--ignore', containerName], { reject: false });
  }
}

let graphRootOnce: Promise<string> | null = null;

/** Root's container storage: asked of podman once per helper run (it does not move). */
function rootGraphRoot(): Promise<string> {
  graphRootOnce ??= podmanStatus().then((status) => {
    if (!status.graphRoot) throw new Error(status.problem ?? 'podman did not say where its storage is.');
    return status.graphRoot;
  });
  graphRootOnce.catch(() => {
    graphRootOnce = null; // podman may be fixed and asked again
  });
  return graphRootOnce;
}

async function checkOutputDir(request: BibRunRequest) {
  if (!request.outputDir) throw new Error('A build needs an output folder.');
  return checkBuildOutputDir(request.outputDir);
}

/** SIGTERM to bib (it stops osbuild), then SIGKILL after a grace period; podman removes it. */
async function stopContainer(name: string): Promise<void> {
  await execa('podman', ['stop', '--ignore', '--time', String(STOP_GRACE_SECONDS), name], { reject: false });
}

/** The folder was empty before the build (checked), so everything in it is bib's partial output. */
async function emptyFolder(dir: string): Promise<void> {
  for (const entry of await readdir(dir)) await rm(join(dir, entry), { recursive: true, force: true });
}
