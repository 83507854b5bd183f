import { describe, expect, it } from 'vitest';
import { bibHelpArgs, bibPodmanArgs } from '../../../src/helper/diskImages/bibInvocation';
import { type BibRunRequest, BibRunRequestSchema } from '../../../src/shared/diskImages/bibRun';

const BIB_FLAGS = ['--type', '--rootfs', '--target-arch', '--progress', '--chown', '--in-vm', '--config'];

const request = (overrides: Partial<BibRunRequest> = {}): BibRunRequest =>
  BibRunRequestSchema.parse({
    jobId: 'build-1-build',
    mode: 'build',
    bibImage: 'quay.io/centos-bootc/bootc-image-builder:latest',
    sourceImage: 'quay.io/centos-bootc/centos-bootc:stream10',
    type: 'raw',
    config: {},
    outputDir: '/home/ada/Bootstick/builds/b1',
    bibFlags: BIB_FLAGS,
    ...overrides,
  });

const paths = {
  graphRoot: '/var/lib/containers/storage',
  configFile: '/tmp/bootstick-bib-x/config.toml',
  storeDir: '/var/cache/bootstick/osbuild-store',
  rpmmdDir: '/var/cache/bootstick/rpmmd',
  // The helper's private folder, never the person's own (that one bib never sees).
  outputDir: '/var/lib/bootstick/outputs/123-build-1-build-abc',
};

/** The pairs `-v host:container[:opts]` of an argv. */
function volumes(args: string[]): string[] {
  return args.flatMap((arg, index) => (args[index - 1] === '-v' ? [arg] : []));
}

describe('the podman command line for bib', () => {
  it('is the documented invocation: rootful run, privileged, unconfined label, the three volumes', () => {
    const args = bibPodmanArgs(request(), paths, 'bootstick-build-x');
    expect(args.slice(0, 2)).toEqual(['run', '--rm']);
    expect(args).toContain('--privileged');
    expect(args.join(' ')).toContain('--security-opt label=type:unconfined_t');
    expect(volumes(args)).toEqual([
      '/var/lib/containers/storage:/var/lib/containers/storage',
      '/tmp/bootstick-bib-x/config.toml:/config.toml:ro',
      '/var/cache/bootstick/osbuild-store:/store',
      '/var/cache/bootstick/rpmmd:/rpmmd',
      '/var/lib/bootstick/outputs/123-build-1-build-abc:/output',
    ]);
    // bib's chown follows symlinks in /output; the helper hands the outputs over itself instead.
    expect(args).not.toContain('--chown');
    // No tty: bib then prints line-oriented verbose progress instead of redrawing a terminal.
    expect(args).not.toContain('-t');
    expect(args).not.toContain('-it');
  });

  it('puts podman flags before the bib image and bib flags after it, source image last', () => {
    const args = bibPodmanArgs(request({ rootfs: 'xfs', targetArch: 'arm64' }), paths, 'c1');
    const bibAt = args.indexOf('quay.io/centos-bootc/bootc-image-builder:latest');
    expect(args.slice(bibAt + 1)).toEqual([
      'build',
      '--type',
      'raw',
      '--rootfs',
      'xfs',
      '--target-arch',
      'arm64',
      '--progress',
      'verbose',
      'quay.io/centos-bootc/centos-bootc:stream10',
    ]);
    expect(args.slice(0, bibAt)).toContain('--name');
    expect(args[args.indexOf('--name') + 1]).toBe('c1');
  });

  it('never passes the deprecated --local, and never lets podman pull during a build', () => {
    const args = bibPodmanArgs(request(), paths, 'c1');
    expect(args).not.toContain('--local');
    expect(args).toContain('--pull=never');
  });

  it('leaves out optional flags this bib does not have', () => {
    const args = bibPodmanArgs(request({ bibFlags: ['--type', '--rootfs'] }), paths, 'c1');
    expect(args).not.toContain('--progress');
    expect(args).not.toContain('--chown');
  });

  it('runs manifest without an output volume or build-only flags', () => {
    const { outputDir: _output, ...noOutput } = paths;
    const args = bibPodmanArgs(request({ mode: 'manifest', outputDir: undefined }), noOutput, 'c1');
    expect(volumes(args).some((volume) => volume.endsWith(':/output'))).toBe(false);
    expect(args).not.toContain('--chown');
    expect(args).not.toContain('--progress');
    expect(args.at(-1)).toBe('quay.io/centos-bootc/centos-bootc:stream10');
    expect(args).toContain('manifest');
  });

  it('refuses a build without an output folder', () => {
    const { outputDir: _output, ...noOutput } = paths;
    expect(() => bibPodmanArgs(request(), noOutput, 'c1')).toThrow(/output folder/);
  });

  it('asks a bib image for its build flags without pulling', () => {
    expect(bibHelpArgs('localhost/bib:1')).toEqual([
      'run',
      '--rm',
      '--pull=never',
      'localhost/bib:1',
      'build',
      '--help',
    ]);
  });
});

describe('what a bib run request accepts', () => {
  it.each([
    ['an image reference that reads as a flag', { sourceImage: '--privileged' }],
    ['an image reference with a space', { bibImage: 'quay.io/x y' }],
    ['a relative output folder', { outputDir: 'out' }],
    ['an unknown image type', { type: 'exe' }],
    ['a flag that is not a flag name', { bibFlags: ['--type;rm -rf /'] }],
    ['an extra field', { podmanArgs: ['--volume', '/:/host'] }],
  ])('refuses %s', (_name, overrides) => {
    const result = BibRunRequestSchema.safeParse({
      jobId: 'j1',
      mode: 'build',
      bibImage: 'quay.io/centos-bootc/bootc-image-builder:latest',
      sourceImage: 'localhost/x:1',
      type: 'raw',
      config: {},
      outputDir: '/tmp/out',
      bibFlags: [],
      ...overrides,
    });
    expect(result.success).toBe(false);
  });
});
