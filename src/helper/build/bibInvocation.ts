import type { BibRunRequest } from '../../shared/build/bibRun';

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
  /** Build only: the output folder, and who gets the files. */
  output?: { dir: string; uid: number; gid: number };
}

/**
 * podman's argv for one bib run, exactly the documented invocation (bootc-image-builder README,
 * shared/reference/bib-data/contract.md §2):
 *
 *   podman run --rm --privileged --security-opt label=type:unconfined_t
 *     -v /var/lib/containers/storage:/var/lib/containers/storage -v <out>:/output
 *     -v <config>:/config.toml:ro -v <store>:/store -v <rpmmd>:/rpmmd
 *     <bib image> build --type raw --progress verbose --chown uid:gid <source image>
 *
 * Deliberate differences from the README line, each for a reason:
 * - `--pull=never` instead of `--pull=newer`: the bib image is pulled in the preflight (with
 *   progress, when the person agrees) and pinned by digest; a silent pull during the build would
 *   change the image the build cache was keyed on.
 * - `--name`: so cancel can stop exactly this container.
 * - no `-t`: without a tty bib prints line-oriented `verbose` progress, which we parse.
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
    if (!paths.output) throw new Error('A build needs an output folder.');
    podman.push('-v', `${paths.output.dir}:/output`);
  }
  podman.push(request.bibImage);

  const bib: string[] = [request.mode, '--type', request.type];
  if (request.rootfs) bib.push('--rootfs', request.rootfs);
  if (request.targetArch) bib.push('--target-arch', request.targetArch);
  if (request.mode === 'build') {
    // Both bib code bases have these; checked anyway so an unexpected bib fails in preflight.
    if (has('--progress')) bib.push('--progress', 'verbose');
    if (paths.output && has('--chown')) bib.push('--chown', `${paths.output.uid}:${paths.output.gid}`);
  }
  bib.push(request.sourceImage);
  return [...podman, ...bib];
}

/** `podman run --rm <bib> build --help`: what this bib image accepts. */
export function bibHelpArgs(bibImage: string): string[] {
  return ['run', '--rm', '--pull=never', bibImage, 'build', '--help'];
}
