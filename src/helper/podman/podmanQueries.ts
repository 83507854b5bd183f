import { execa } from 'execa';
import type { LocalImages } from '../../shared/containerImages/localImages';
import type { ImageFacts, PodmanStatus } from '../../shared/diskImages/bibRun';
import { bibHelpArgs } from '../diskImages/bibInvocation';
import { resolveBuilderImage } from '../diskImages/builderImages';
import { parseImageList } from './parseImageList';

/** podman as root sees it; answers every question with data, never throws. */
export async function podmanStatus(): Promise<PodmanStatus> {
  const result = await execa('podman', ['info', '--format', 'json'], { reject: false, timeout: 30_000 });
  if (result.failed && (result as { code?: string }).code === 'ENOENT') {
    return {
      installed: false,
      version: null,
      rootless: null,
      graphRoot: null,
      problem: 'podman is not installed.',
    };
  }
  if (result.exitCode !== 0) {
    const problem = String(result.stderr).trim().split('\n').slice(-3).join('\n') || 'podman info failed.';
    return { installed: true, version: null, rootless: null, graphRoot: null, problem };
  }
  const info = JSON.parse(String(result.stdout)) as {
    host?: { security?: { rootless?: boolean } };
    store?: { graphRoot?: string };
    version?: { Version?: string };
  };
  return {
    installed: true,
    version: info.version?.Version ?? null,
    rootless: info.host?.security?.rootless ?? null,
    graphRoot: info.store?.graphRoot ?? null,
    problem: null,
  };
}

interface InspectedImage {
  Id?: string;
  Digest?: string;
  RepoDigests?: string[];
  Labels?: Record<string, string> | null;
  Size?: number;
  Architecture?: string;
}

/** `podman image inspect` of one reference in root's storage. */
export async function inspectContainerImage(ref: string): Promise<ImageFacts> {
  const result = await execa('podman', ['image', 'inspect', '--format', 'json', ref], {
    reject: false,
    timeout: 30_000,
  });
  if (result.exitCode !== 0) {
    return { present: false, id: null, digest: null, labels: {}, size: null, architecture: null };
  }
  const [image] = JSON.parse(String(result.stdout)) as InspectedImage[];
  return {
    present: true,
    id: image?.Id ?? null,
    digest: image?.RepoDigests?.[0] ?? image?.Id ?? null,
    labels: image?.Labels ?? {},
    size: image?.Size ?? null,
    architecture: image?.Architecture ?? null,
  };
}

/** What `<bib> build --help` prints: the flags this bib image has, for feature detection. */
export async function bibBuildHelp(bibImage: string): Promise<string> {
  // Not privileged, but still root's podman running the image: the same rule as a build.
  const builder = await resolveBuilderImage(bibImage);
  const result = await execa('podman', bibHelpArgs(builder.imageId), {
    reject: false,
    timeout: 60_000,
    stdin: 'ignore',
  });
  if (result.exitCode !== 0) {
    throw new Error(`${bibImage} did not answer build --help: ${String(result.stderr).trim().slice(-500)}`);
  }
  return String(result.stdout);
}

/** Every named image in root's storage; podman missing or failing is said, not thrown. */
export async function listImages(): Promise<LocalImages> {
  const result = await execa('podman', ['images', '--format', 'json'], {
    reject: false,
    timeout: 60_000,
    stdin: 'ignore',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.failed && (result as { code?: string }).code === 'ENOENT') {
    return { available: false, problem: 'podman is not installed.', images: [] };
  }
  if (result.exitCode !== 0) {
    const problem = String(result.stderr).trim().split('\n').slice(-3).join('\n') || 'podman images failed.';
    return { available: false, problem, images: [] };
  }
  try {
    return { available: true, problem: null, images: parseImageList(String(result.stdout)) };
  } catch (error) {
    return {
      available: false,
      problem: `podman printed a list Bootstick cannot read: ${String(error)}`,
      images: [],
    };
  }
}
