import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import type { BuildLogLine } from '../../shared/build/bibRun';
import type { ImageBuildRequest, ImageBuildResult } from '../../shared/build/containerfileBuild';
import type { JobRegistry } from '../jobRegistry';
import { checkBuildContext } from './checkBuildContext';
import { podmanBuildArgs } from './podmanBuildArgs';
import { createBuildStopper } from './stopPodmanBuild';
import { streamChildLines } from './streamChildLines';

/** Lines kept for saying why a build failed: podman's error comes last. */
const TAIL_LINES = 100;

/**
 * Builds a Containerfile with root's podman, streaming every line podman prints. The request is
 * checked against the filesystem first (nothing runs when it is refused); a cancelled build leaves
 * no working container, no running step and no image under its tag.
 */
export async function podmanBuild(
  request: ImageBuildRequest,
  registry: JobRegistry,
  emitLine: (line: BuildLogLine) => void,
): Promise<ImageBuildResult> {
  const build = await checkBuildContext(request);
  const previousId = await imageIdOf(build.tag);
  // The image id comes back through a file only root can read, never parsed out of the log.
  const privateDir = await mkdtemp(join(tmpdir(), 'bootstick-podman-build-'));
  const iidFile = join(privateDir, 'iid');
  const tail: string[] = [];
  try {
    const child = execa('podman', podmanBuildArgs(build, iidFile), {
      reject: false,
      buffer: false,
      stdin: 'ignore',
    });
    const stopper = createBuildStopper(child);
    registry.add(request.jobId, new Map([['build', { cancel: () => stopper.stop() }]]));
    const streamed = streamChildLines(child, (stream, line) => {
      tail.push(line);
      if (tail.length > TAIL_LINES) tail.shift();
      emitLine({ jobId: request.jobId, stream, line });
    });
    const [result] = await Promise.all([child, streamed]);
    await stopper.finished();
    const built = result.exitCode === 0 ? await readImageId(iidFile) : null;
    if (stopper.cancelled) {
      // Cancelled after its last step: the person did not want this image, so its tag goes.
      if (built) await dropImage(build.tag, built, previousId);
      return { ok: false, cancelled: true, imageId: null, tail };
    }
    if (result.exitCode === undefined) tail.push(`podman could not be started: ${result.shortMessage}`);
    if (result.exitCode === 0 && !built)
      tail.push('podman build finished but did not say which image it built.');
    return { ok: built !== null, cancelled: false, imageId: built, tail };
  } finally {
    registry.remove(request.jobId);
    await rm(privateDir, { recursive: true, force: true });
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
