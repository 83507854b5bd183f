import { describe, expect, it } from 'vitest';
import { classifyBibFailure } from '../../../src/core/diskImages/bibOutput/classifyBibFailure';
import { BUILD_ERROR_TEXT, BuildErrorSchema } from '../../../src/shared/diskImages/buildErrors';

const STAMP = '2026/03/31 17:27:46';
const fatal = (...lines: string[]) => [`${STAMP} error: ${lines[0]}`, ...lines.slice(1)];
const classify = (lines: string[], exitCode: number | null = 1, signal: string | null = null) =>
  classifyBibFailure({ exitCode, signal, lines });

// Messages bib prints for failures no captured log shows, from its format strings
// (shared/reference/bib-data/contract.md §4, configs/rejected.md).
describe('classifyBibFailure on bib messages no real log shows', () => {
  it.each([
    ['notPrivileged', fatal('cannot validate the setup: this command requires a privileged container')],
    ['unknownFlag', fatal('unknown flag: --in-vm')],
    ['unknownFlag', fatal('accepts 1 arg(s), received 2')],
    [
      'unsupportedImageType',
      fatal(
        'cannot build manifest: cannot detect build types [qcow2 anaconda-iso]: cannot mix ISO/disk images',
      ),
    ],
    [
      'missingRootfs',
      fatal('cannot build manifest: failed to initialize bootc distro: missing required info: DefaultRootFs'),
    ],
    [
      'missingRootfs',
      fatal(
        'cannot build manifest: no default root filesystem type specified in container, please use "--rootfs" to set manually',
      ),
    ],
    [
      'configRejected',
      fatal(
        'cannot build manifest: cannot read config: cannot decode "/config.toml": unknown keys found: [birds birds.name]',
      ),
    ],
    [
      'configRejected',
      fatal(
        'cannot build manifest: cannot read config: cannot decode "/config.json": json: unknown field "birds"',
      ),
    ],
    ['killed', fatal('cannot run osbuild: error running osbuild: signal: killed')],
  ])('%s from bib’s record "%s"', (code, lines) => {
    const failure = classify(lines);
    expect(failure.code).toBe(code);
    expect(failure.detail).toBe(lines.at(-1)?.replace(`${STAMP} error: `, '') ?? '');
  });

  it('shows the osbuild lines before bib’s record when osbuild failed', () => {
    const lines = [
      'org.osbuild.selinux: 0123 {}',
      'osbuild-stage-stdout-output',
      'Traceback (most recent call last):',
      '',
      'Failed',
      ...fatal('cannot run osbuild: error running osbuild: exit status 1'),
    ];
    expect(classify(lines)).toMatchObject({
      code: 'osbuildFailed',
      detail: [
        'org.osbuild.selinux: 0123 {}',
        'osbuild-stage-stdout-output',
        'Traceback (most recent call last):',
        'Failed',
        'error: cannot run osbuild: error running osbuild: exit status 1',
      ].join('\n'),
    });
  });

  it('keeps a multi-line error whole and leaves out what follows it', () => {
    const lines = [
      ...fatal(
        'cannot build manifest: the following errors occurred while validating custom mountpoints:',
        'path "/ostree" is not allowed',
        'path "/var" is not allowed',
      ),
      'ERRO[0012] Removing container abc: container not known',
    ];
    expect(classify(lines)).toMatchObject({
      code: 'configRejected',
      detail: [
        'cannot build manifest: the following errors occurred while validating custom mountpoints:',
        'path "/ostree" is not allowed',
        'path "/var" is not allowed',
      ].join('\n'),
    });
  });

  it('keeps podman’s stderr quoted inside bib’s "image not pulled" error', () => {
    const lines = fatal(
      'cannot build manifest: failed to inspect the image: exit status 125, stderr:',
      'Error: quay.io/example/missing:1: image not known',
      '',
      'bootc-image-builder no longer pulls images, make sure to pull it before running bootc-image-builder:',
      '    sudo podman pull quay.io/example/missing:1',
    );
    const failure = classify(lines);
    expect(failure.code).toBe('imageNotPulled');
    expect(failure.detail).toContain('sudo podman pull quay.io/example/missing:1');
    expect(failure.detail).toContain('image not known');
  });

  it('reads through ANSI colours and carriage returns', () => {
    const failure = classify([
      '\u001b[1m\u001b[31mFailed\u001b[0m',
      `progress 10%\r${STAMP} error: cannot run osbuild: x`,
    ]);
    expect(failure).toMatchObject({ code: 'osbuildFailed' });
  });

  it('gives bib’s own words for an error it has no code for', () => {
    expect(classify(fatal('cannot save manifest: open /output/x: permission denied'))).toMatchObject({
      code: 'bibFailed',
      detail: 'cannot save manifest: open /output/x: permission denied',
    });
  });

  it('shows the last lines when bib printed nothing it recognises', () => {
    const failure = classify(['some output', 'the last words']);
    expect(failure).toMatchObject({ code: 'bibFailed', detail: 'some output\nthe last words' });
    expect(classify([])).toMatchObject({ code: 'bibFailed', detail: null });
  });

  it('does not take an osbuild version or a tool’s exit status for podman’s', () => {
    const lines = [
      "    sys.exit(load_entry_point('osbuild==137', 'console_scripts', 'osbuild')())",
      "subprocess.CalledProcessError: Command '['bootupctl']' returned non-zero exit status 126.",
      ...fatal('cannot run osbuild: error running osbuild: exit status 1'),
    ];
    expect(classify(lines).code).toBe('osbuildFailed');
  });
});

describe('classifyBibFailure on how podman ended', () => {
  it('reports podman’s own error for 125, 126 and 127', () => {
    for (const exitCode of [125, 126, 127]) {
      const failure = classify(['Error: statfs /nowhere: no such file or directory'], exitCode);
      expect(failure.code).toBe('podmanFailed');
      expect(failure.detail).toBe(
        `podman exited with status ${exitCode}.\nError: statfs /nowhere: no such file or directory`,
      );
    }
  });

  it('calls 137, other signal statuses and signals "killed", whatever was printed', () => {
    expect(classify(fatal('cannot run osbuild: x'), 137).code).toBe('killed');
    expect(classify([], 143).detail).toBe('podman exited with status 143 (signal 15).');
    expect(classify([], null, 'SIGKILL')).toMatchObject({
      code: 'killed',
      detail: 'podman was ended by SIGKILL.',
    });
  });

  it('says cancelled when the person cancelled, whatever the status', () => {
    const failure = classifyBibFailure({ exitCode: 143, signal: null, lines: ['Aborted'], cancelled: true });
    expect(failure).toEqual({ code: 'cancelled', ...BUILD_ERROR_TEXT.cancelled, detail: null });
  });

  it('returns something that crosses IPC as it is', () => {
    expect(BuildErrorSchema.parse(classify(fatal('unknown flag: --seed')))).toMatchObject({
      code: 'unknownFlag',
      message: BUILD_ERROR_TEXT.unknownFlag.message,
      fix: BUILD_ERROR_TEXT.unknownFlag.fix,
    });
  });
});

describe('the failures of the real bib that have their own words', () => {
  const fatal = (text: string) => `2026/12/02 07:00:00 error: ${text}`;
  it.each([
    ['installerPayloadMissing', 'cannot build manifest: no installer payload bootc ref set'],
    [
      'archMismatch',
      'cannot build manifest: requested bootc arch "aarch64" does not match available arches [x86_64]',
    ],
    [
      'archMismatch',
      'cannot build manifest: cannot get manifest: image found is for unexpected architecture "x86_64" (expected "aarch64"), if that is intentional, please make sure --target-arch matches',
    ],
    ['chownNotAllowed', 'chowning is not allowed in output directory'],
    [
      'kickstartConflict',
      'cannot build manifest: kickstart users and/or groups are not compatible with user-supplied kickstart content',
    ],
    [
      'kickstartConflict',
      'cannot build manifest: kickstart unattended options are not compatible with user-supplied kickstart content',
    ],
    [
      'kickstartConflict',
      'cannot build manifest: cannot get manifest: installer.unattended is not supported when adding custom kickstart contents',
    ],
    // images NewBootcDistro lists every missing field; the root filesystem need not come first.
    [
      'missingRootfs',
      'cannot build manifest: failed to initialize bootc distro: missing required info: Arch, DefaultRootFs',
    ],
  ] as const)('%s: %s', (code, text) => {
    const failure = classifyBibFailure({ exitCode: 1, signal: null, lines: [fatal(text)] });
    expect(failure.code).toBe(code);
    expect(failure.detail).toBe(text);
  });
});
