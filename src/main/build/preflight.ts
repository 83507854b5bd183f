import { constants } from 'node:fs';
import { access, mkdir, statfs } from 'node:fs/promises';
import type { ImageFacts, PodmanStatus } from '../../shared/build/bibRun';
import type { PreflightCheck } from '../../shared/build/buildRecord';
import { formatBytes } from '../../shared/format/formatBytes';
import { type BuildFailure, buildFailure } from './buildFailure';

export interface PreflightFacts {
  podman: PodmanStatus;
  source: ImageFacts | null;
  bib: ImageFacts | null;
}

/** The questions preflight asks root's podman; answered by the helper. */
export interface PreflightProbe {
  podmanStatus(): Promise<PodmanStatus>;
  inspectImage(ref: string): Promise<ImageFacts>;
}

/**
 * Space a build needs in its output folder. bib sizes the root filesystem at twice the container
 * image (osbuild/images containerSizeToDiskSizeMultiplier); a raw image is sparse, but an ISO or
 * a qcow2 is not, so twice the image plus 1 GiB of slack is the honest upper bound.
 */
export function neededOutputBytes(sourceImageBytes: number | null): number {
  return 2 * (sourceImageBytes ?? 0) + 1024 ** 3;
}

/**
 * Everything that must hold before bib runs, each as a checklist line with a fix. It stops at
 * podman: nothing else can be asked without it.
 */
export async function runPreflight(
  probe: PreflightProbe,
  refs: { source: string; bib: string },
  outputRoot: string,
): Promise<{ checks: PreflightCheck[]; facts: PreflightFacts }> {
  const podman = await probe.podmanStatus();
  const checks: PreflightCheck[] = [];
  if (!podman.installed || podman.problem) {
    checks.push({
      id: 'podman',
      ok: false,
      message: podman.installed ? `podman does not work: ${podman.problem}` : 'podman is not installed.',
      fix: podman.installed
        ? 'Run `sudo podman info` in a terminal to see what podman needs.'
        : 'Install podman (Debian/Ubuntu: `sudo apt install podman`; Fedora: `sudo dnf install podman`).',
    });
    return { checks, facts: { podman, source: null, bib: null } };
  }
  checks.push({
    id: 'podman',
    ok: true,
    message: `podman ${podman.version ?? ''} works.`.replace('  ', ' '),
    fix: null,
  });
  const rootful = podman.rootless === false;
  checks.push({
    id: 'rootful',
    ok: rootful,
    message: rootful
      ? 'podman runs as root.'
      : 'podman runs rootless; bootc-image-builder needs rootful podman.',
    fix: rootful ? null : 'Bootstick runs podman through its privileged helper; start it with root rights.',
  });

  const [source, bib] = await Promise.all([probe.inspectImage(refs.source), probe.inspectImage(refs.bib)]);
  checks.push(
    source.present
      ? { id: 'sourceImage', ok: true, message: `${refs.source} is in root's image storage.`, fix: null }
      : {
          id: 'sourceImage',
          ok: false,
          message: `${refs.source} is not in root's image storage; bootc-image-builder does not pull it.`,
          fix: `Pull it (Bootstick offers to), or run \`sudo podman pull ${refs.source}\`.`,
        },
  );
  if (source.present) {
    const bootc = source.labels['containers.bootc'] === '1';
    checks.push({
      id: 'sourceIsBootc',
      ok: bootc,
      message: bootc
        ? `${refs.source} is a bootc image.`
        : `${refs.source} is not a bootc image (it has no containers.bootc=1 label).`,
      fix: bootc ? null : 'Choose a bootc image, or build one FROM a bootc base image.',
    });
  }
  checks.push(
    bib.present
      ? { id: 'bibImage', ok: true, message: `${refs.bib} is ready.`, fix: null }
      : {
          id: 'bibImage',
          ok: false,
          message: `The builder image ${refs.bib} has not been pulled yet.`,
          fix: `Pull it (Bootstick offers to), or run \`sudo podman pull ${refs.bib}\`.`,
        },
  );

  const writable = await mkdir(outputRoot, { recursive: true })
    .then(() => access(outputRoot, constants.W_OK))
    .then(
      () => true,
      () => false,
    );
  checks.push({
    id: 'outputWritable',
    ok: writable,
    message: writable ? `Builds go to ${outputRoot}.` : `Bootstick cannot write to ${outputRoot}.`,
    fix: writable ? null : 'Choose another output folder in Settings, or fix its permissions.',
  });
  if (writable) {
    const stats = await statfs(outputRoot);
    const free = stats.bavail * stats.bsize;
    const needed = neededOutputBytes(source.size);
    checks.push({
      id: 'freeSpace',
      ok: free >= needed,
      message:
        free >= needed
          ? `${formatBytes(free)} free in the output folder.`
          : `Only ${formatBytes(free)} free in ${outputRoot}; this build needs about ${formatBytes(needed)}.`,
      fix: free >= needed ? null : 'Free some space, or choose an output folder on a larger disk.',
    });
  }
  return { checks, facts: { podman, source, bib } };
}

/** The first failed check as the build's failure, in the check's own words (they name the image or folder). */
export function preflightFailure(checks: PreflightCheck[]): BuildFailure | null {
  const failed = checks.find((check) => !check.ok);
  if (!failed) return null;
  const code = (
    {
      podman: 'podmanMissing',
      rootful: 'podmanNotRootful',
      sourceImage: 'sourceImageMissing',
      sourceIsBootc: 'notBootcImage',
      bibImage: 'bibImageMissing',
      outputWritable: 'outputNotWritable',
      freeSpace: 'notEnoughSpace',
    } as const
  )[failed.id];
  const general = buildFailure(code);
  return { ...general, message: failed.message, fix: failed.fix ?? general.fix };
}
