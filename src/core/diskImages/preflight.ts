import { constants } from 'node:fs';
import { access, mkdir, statfs } from 'node:fs/promises';
import type { ImageFacts, PodmanStatus } from '../../shared/diskImages/bibRun';
import type { PreflightCheck } from '../../shared/diskImages/buildRecord';
import { formatBytes } from '../../shared/format/formatBytes';
import { en } from '../../shared/i18n/catalogue';
import { translateFrom } from '../../shared/i18n/translate';
import { type BuildFailure, buildFailure } from './buildFailure';

export interface PreflightFacts {
  podman: PodmanStatus;
  source: ImageFacts | null;
  bib: ImageFacts | null;
}

/** The questions preflight asks root's podman; answered by the helper. */
export interface PreflightProbe {
  podmanStatus(): Promise<PodmanStatus>;
  inspectContainerImage(ref: string): Promise<ImageFacts>;
}

/**
 * Space a build needs in its output folder. bib sizes the root filesystem at twice the container
 * image (osbuild/images containerSizeToDiskSizeMultiplier); a raw image is sparse, but an ISO or
 * a qcow2 is not, so twice the image plus 1 GiB of slack is the honest upper bound.
 */
export function neededOutputBytes(sourceImageBytes: number | null): number {
  return 2 * (sourceImageBytes ?? 0) + 1024 ** 3;
}

const english = translateFrom(en);

/** One checklist line, its English words made from the catalogue keys it keeps for other languages. */
function check(
  id: PreflightCheck['id'],
  ok: boolean,
  message: string,
  fix: string | null = null,
  values: Record<string, string | number> = {},
): PreflightCheck {
  return {
    id,
    ok,
    message: english(`preflight.${message}`, values),
    fix: fix === null ? null : english(`preflight.fix.${fix}`, values),
    words: { message, fix, values },
  };
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
    checks.push(
      podman.installed
        ? check('podman', false, 'podmanBroken', 'podmanInfo', { problem: podman.problem ?? '' })
        : check('podman', false, 'podmanMissing', 'installPodman'),
    );
    return { checks, facts: { podman, source: null, bib: null } };
  }
  checks.push(check('podman', true, 'podmanWorks', null, { version: podman.version ?? '' }));
  const rootful = podman.rootless === false;
  checks.push(
    rootful ? check('rootful', true, 'rootful') : check('rootful', false, 'rootless', 'startAsRoot'),
  );

  const [source, bib] = await Promise.all([
    probe.inspectContainerImage(refs.source),
    probe.inspectContainerImage(refs.bib),
  ]);
  const sourceValues = { image: refs.source };
  checks.push(
    source.present
      ? check('sourceImage', true, 'sourcePresent', null, sourceValues)
      : check('sourceImage', false, 'sourceAbsent', 'pullImage', sourceValues),
  );
  if (source.present) {
    const bootc = source.labels['containers.bootc'] === '1';
    checks.push(
      bootc
        ? check('sourceIsBootc', true, 'sourceBootc', null, sourceValues)
        : check('sourceIsBootc', false, 'sourceNotBootc', 'chooseBootc', sourceValues),
    );
  }
  const bibValues = { image: refs.bib };
  checks.push(
    bib.present
      ? check('bibImage', true, 'bibPresent', null, bibValues)
      : check('bibImage', false, 'bibAbsent', 'pullImage', bibValues),
  );

  const writable = await mkdir(outputRoot, { recursive: true })
    .then(() => access(outputRoot, constants.W_OK))
    .then(
      () => true,
      () => false,
    );
  const folder = { folder: outputRoot };
  checks.push(
    writable
      ? check('outputWritable', true, 'outputWritable', null, folder)
      : check('outputWritable', false, 'outputNotWritable', 'chooseOutput', folder),
  );
  if (writable) {
    const stats = await statfs(outputRoot);
    const free = stats.bavail * stats.bsize;
    const needed = neededOutputBytes(source.size);
    const space = { ...folder, free: formatBytes(free), needed: formatBytes(needed) };
    checks.push(
      free >= needed
        ? check('freeSpace', true, 'spaceEnough', null, space)
        : check('freeSpace', false, 'spaceShort', 'freeSpace', space),
    );
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
