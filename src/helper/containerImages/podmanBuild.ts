import { chown, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import type { ImageBuildRequest, ImageBuildResult } from '../../shared/containerImages/containerfileBuild';
import { refuseBuilderName } from '../diskImages/builderImages';
import { JobRefused, type JobRegistry } from '../jobRegistry';
import { type LineSink, streamChildLines } from '../podman/streamChildLines';
import { helperCaller } from '../safety/caller';
import { callerFs } from '../safety/callerFs';
import { createPrivateJobFolder } from '../safety/privateJobFolder';
import { checkBuildContext } from './checkBuildContext';
import { copyContextAsCaller } from './copyContextAsCaller';
import { podmanBuildArgs } from './podmanBuildArgs';
import { createBuildStopper } from './stopPodmanBuild';

/** Lines kept for saying why a build failed: podman's error comes last. */
const TAIL_LINES = 100;

/** One container build at a time, so a cancelled one cleans up only what is its own. */
let containerBuildRunning = false;

/**
 * Builds a Containerfile with root's podman, streaming every line podman prints. The request is
 * checked as the caller first (nothing runs when it is refused); the context is copied as the
 * caller into a private folder and the Containerfile's text into a root-only file, and podman
 * builds from those, so it reads nothing the caller could not and nothing the caller can swap. A
 * cancelled build leaves no working container, no running step and no image under its tag.
 */
export async function podmanBuild(
  request: ImageBuildRequest,
  registry: JobRegistry,
  sink: LineSink,
): Promise<ImageBuildResult> {
  if (containerBuildRunning) {
    throw new JobRefused('Another container image build is running; start this one when it has ended.');
  }
  containerBuildRunning = true;
  try {
    return await buildOnce(request, registry, sink);
  } finally {
    containerBuildRunning = false;
  }
}

async function buildOnce(
  request: ImageBuildRequest,
  registry: JobRegistry,
  sink: LineSink,
): Promise<ImageBuildResult> {
  const caller = await helperCaller();
  const checked = await checkBuildContext(request, callerFs(caller));
  await refuseBuilderName(request.tag);
  const previousId = await imageIdOf(request.tag);
  const privateDir = await createPrivateJobFolder('contexts', request.jobId);
  const contextCopy = join(privateDir.path, 'context');
  const containerfile = join(privateDir.path, 'Containerfile');
  // The image id comes back through a file only root can read, never parsed out of the log.
  const iidFile = join(privateDir.path, 'iid');
  const tail: string[] = [];
  const emit = (stream: 'stdout' | 'stderr', line: string) => {
    tail.push(line);
    if (tail.length > TAIL_LINES) tail.shift();
    sink.emit({ jobId: request.jobId, stream, line });
  };
  let copyStopped = false;
  try {
    await mkdir(contextCopy, { mode: 0o700 });
    // Inside root's 0700 folder nobody else can reach this path: chowning it by path is safe.
    if (caller) await chown(contextCopy, caller.uid, caller.gid);
    await writeFile(containerfile, checked.containerfileText, { mode: 0o600 });

    const copy = copyContextAsCaller(checked.contextDir, contextCopy, caller);
    registry.add(
      request.jobId,
      new Map([
        [
          'build',
          {
            cancel: () => {
              copyStopped = true;
              copy.stop();
            },
          },
        ],
      ]),
    );
    emit('stderr', `Copying the build folder ${checked.contextDir} as ${caller?.name ?? 'root'}`);
    try {
      await copy.done;
    } catch (error) {
      if (copyStopped) return { ok: false, cancelled: true, imageId: null, tail };
      emit('stderr', `Error: ${(error as Error).message}`);
      return { ok: false, cancelled: false, imageId: null, tail };
    }

    const build = {
      contextDir: contextCopy,
      containerfile,
      tag: request.tag,
      ...(request.buildArgs ? { buildArgs: request.buildArgs } : {}),
    };
    const child = execa('podman', podmanBuildArgs(build, iidFile), {
      reject: false,
      buffer: false,
      stdin: 'ignore',
    });
    const stopper = createBuildStopper(child, checked.containerfileText);
    registry.add(request.jobId, new Map([['build', { cancel: () => stopper.stop() }]]));
    const streamed = streamChildLines(child, emit, sink);
    const [result] = await Promise.all([child, streamed]);
    await stopper.finished();
    const built = result.exitCode === 0 ? await readImageId(iidFile) : null;
    if (stopper.cancelled) {
      // Cancelled after its last step: the person did not want this image, so its tag goes.
      if (built) await dropImage(request.tag, built, previousId);
      return { ok: false, cancelled: true, imageId: null, tail };
    }
    if (result.exitCode === undefined) tail.push(`podman could not be started: ${result.shortMessage}`);
    if (result.exitCode === 0 && !built)
      tail.push('podman build finished but did not say which image it built.');
    return { ok: built !== null, cancelled: false, imageId: built, tail };
  } finally {
    registry.remove(request.jobId);
    await privateDir.dispose();
  }
}

async function readImageId(iidFile: string): Promise<string | null> {
  const text = await readFile(iidFile, 'utf8').catch(() => '');
  const id = text.trim().replace(/^sha256:/, '');
  return /^[a-f0-9]{64}$/.test(id) ? id : null;
}

async function imageIdOf(ref: string): Promise<string | null> {
  const result = await execa('podman', ['image', 'inspect', '--format', '{{.Id}}', ref], {
    reject: false,
    timeout: 30_000,
  });
  return result.exitCode === 0 ? String(result.stdout).trim() : null;
}

/** Takes the tag off a build's image and removes the image, unless the tag named it already before. */
async function dropImage(tag: string, imageId: string, previousId: string | null): Promise<void> {
  if (imageId === previousId) return;
  await execa('podman', ['untag', imageId, tag], { reject: false, timeout: 30_000 });
  // Fails harmlessly when another tag or a container still uses the image.
  await execa('podman', ['rmi', imageId], { reject: false, timeout: 30_000 });
}
