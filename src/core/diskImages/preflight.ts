import { constants } from 'node:fs';
import { access, mkdir, statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ImageFacts, PodmanStatus } from '../../shared/diskImages/bibRun';
import type { PreflightCheck } from '../../shared/diskImages/buildRecord';
import type { TargetArch } from '../../shared/diskImages/imageTypes';
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

/**
 * Space osbuild needs in its store (/store, root's /var/cache/bootstick/osbuild-store): the
 * container's tree and the disk image are built there before the image is copied out (bib
 * main.go `--store`; osbuild exports from its store), so the tree, the image and slack.
 */
export function neededStoreBytes(sourceImageBytes: number | null): number {
  return 3 * (sourceImageBytes ?? 0) + 1024 ** 3;
}

/** podman's name for this computer's architecture (what a build without --target-arch is for). */
export function hostArchitecture(): string {
  return process.arch === 'x64' ? 'amd64' : process.arch;
}

/** The nearest existing folder at or above `path` (the store is made on the first build). */
async function existingAncestor(path: string): Promise<string> {
  for (let dir = path; ; dir = dirname(dir)) {
    if (
      await statfs(dir).then(
        () => true,
        () => false,
      )
    )
      return dir;
    if (dirname(dir) === dir) return dir;
  }
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
  options: { targetArch?: TargetArch; storeDir?: string } = {},
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
    // bib builds for the image's own architecture unless told otherwise, and then the image must be
    // for that one: osbuild/images distro/generic/bootc.go GetArch ("requested bootc arch … does
    // not match available arches"), late and in bib's words; said here first, with the fix.
    const wanted = options.targetArch ?? null;
    if (wanted && source.architecture && source.architecture !== wanted) {
      const values = { ...sourceValues, found: source.architecture, wanted };
      checks.push(check('sourceArch', false, 'sourceArchWrong', 'pullArch', values));
    } else if (wanted) {
      checks.push(check('sourceArch', true, 'sourceArchRight', null, { ...sourceValues, wanted }));
    }
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
  if (options.storeDir) {
    const where = await existingAncestor(options.storeDir);
    const stats = await statfs(where);
    const free = stats.bavail * stats.bsize;
    const needed = neededStoreBytes(source.size);
    const space = { folder: options.storeDir, free: formatBytes(free), needed: formatBytes(needed) };
    checks.push(
      free >= needed
        ? check('storeSpace', true, 'storeSpaceEnough', null, space)
        : check('storeSpace', false, 'storeSpaceShort', 'freeStoreSpace', space),
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
      sourceArch: 'archMismatch',
      storeSpace: 'notEnoughSpace',
    } as const
  )[failed.id];
  const general = buildFailure(code);
  return { ...general, message: failed.message, fix: failed.fix ?? general.fix };
}
