import type { BibRunRequest } from '../../shared/diskImages/bibRun';

/** Host paths the helper decides for itself (never taken from a request). */
export interface BibHostPaths {
  /** Root's container storage (`podman info` GraphRoot), mounted where bib expects it. */
  graphRoot: string;
  /** The private config file written for this run. */
  configFile: string;
  /** Persistent osbuild object store, so a rebuild reuses what it can. */
  storeDir: string;
  /** Persistent DNF metadata cache for the ISO installer types. */
  rpmmdDir: string;
  /** Build only: the private, root-only folder bib writes into (never the caller's own folder). */
  outputDir?: string;
}

/**
 * podman's argv for one bib run, exactly the documented invocation (bootc-image-builder README,
 * shared/reference/bib-data/contract.md §2):
 *
 *   podman run --rm --privileged --security-opt label=type:unconfined_t
 *     -v /var/lib/containers/storage:/var/lib/containers/storage -v <out>:/output
 *     -v <config>:/config.toml:ro -v <store>:/store -v <rpmmd>:/rpmmd
 *     <bib image> build --type raw --progress verbose <source image>
 *
 * Deliberate differences from the README line, each for a reason:
 * - `--pull=never` instead of `--pull=newer`: the bib image is pulled in the preflight (with
 *   progress, when the person agrees) and pinned by digest; a silent pull during the build would
 *   change the image the build cache was keyed on.
 * - `--name`: so cancel can stop exactly this container.
 * - no `-t`: without a tty bib prints line-oriented `verbose` progress, which we parse.
 * - no `--chown`: `<out>` is a private folder only root can reach, and the helper hands the
 *   outputs over as the caller afterwards (handOverOutputs). bib's chown walks /output following
 *   symlinks (bib/cmd/bootc-image-builder/util.go chownR), so pointing it at a folder the caller
 *   can write would let a planted symlink hand root's files to the caller.
 * - `<bib image>` is the image id the helper pinned for an allowed builder (builderImages).
 */
export function bibPodmanArgs(request: BibRunRequest, paths: BibHostPaths, containerName: string): string[] {
  const has = (flag: string) => request.bibFlags.includes(flag);
  const podman = [
    'run',
    '--rm',
    '--name',
    containerName,
    '--privileged',
    '--pull=never',
    '--security-opt',
    'label=type:unconfined_t',
    '-v',
    `${paths.graphRoot}:/var/lib/containers/storage`,
    '-v',
    `${paths.configFile}:/config.toml:ro`,
    '-v',
    `${paths.storeDir}:/store`,
    '-v',
    `${paths.rpmmdDir}:/rpmmd`,
  ];
  if (request.mode === 'build') {
    if (!paths.outputDir) throw new Error('A build needs an output folder.');
    podman.push('-v', `${paths.outputDir}:/output`);
  }
  podman.push(request.bibImage);

  const bib: string[] = [request.mode, '--type', request.type];
  if (request.rootfs) bib.push('--rootfs', request.rootfs);
  if (request.targetArch) bib.push('--target-arch', request.targetArch);
  if (request.mode === 'build') {
    // Both bib code bases have these; checked anyway so an unexpected bib fails in preflight.
    if (has('--progress')) bib.push('--progress', 'verbose');
  }
  bib.push(request.sourceImage);
  return [...podman, ...bib];
}

/** `podman run --rm <bib> build --help`: what this bib image accepts. */
export function bibHelpArgs(bibImage: string): string[] {
  return ['run', '--rm', '--pull=never', bibImage, 'build', '--help'];
}
