import type { BuildArgs } from '../../shared/containerImages/containerfileBuild';

/** What podman build gets after the helper checked the request: resolved, real paths only. */
export interface CheckedImageBuild {
  contextDir: string;
  containerfile: string;
  tag: string;
  buildArgs?: BuildArgs;
}

/**
 * `podman build` argv for one checked request. Every value is its own argv element (no shell);
 * the context comes last and is an absolute path, so it can never read as a flag.
 */
export function podmanBuildArgs(build: CheckedImageBuild, iidFile: string): string[] {
  const buildArgs = Object.entries(build.buildArgs ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([key, value]) => ['--build-arg', `${key}=${value}`]);
  return [
    'build',
    '--file',
    build.containerfile,
    '--tag',
    build.tag,
    ...buildArgs,
    // Cached layers make the edit-build-flash loop fast: only changed steps run again.
    '--layers',
    // Cancel stops the running step and relies on podman removing its working containers then.
    '--force-rm',
    '--iidfile',
    iidFile,
    build.contextDir,
  ];
}
