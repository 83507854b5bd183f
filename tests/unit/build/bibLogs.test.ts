import { describe, expect, it } from 'vitest';
import { classifyBibFailure } from '../../../src/core/diskImages/bibOutput/classifyBibFailure';
import { parseManifestStages } from '../../../src/core/diskImages/bibOutput/manifestStages';
import { VerboseProgressTracker } from '../../../src/core/diskImages/bibOutput/verboseProgress';
import type { BuildErrorCode } from '../../../src/shared/diskImages/buildErrors';
import { type BuildProgress, BuildProgressSchema } from '../../../src/shared/diskImages/buildProgress';
import {
  bibLogNames,
  haveBibLogs,
  ISO_PIPELINES,
  manifestJson,
  QCOW2_PIPELINES,
  RAW_PIPELINES,
  readBibLog,
} from './bibTestData';

/** Every failure log, by file name, and what a person should be told about it. */
const FAILURES: Record<string, { code: BuildErrorCode; detail: RegExp }> = {
  'fail-bootc-install-readonly-image-builder-issue2486.txt': {
    code: 'osbuildFailed',
    detail: /Read-only file system/,
  },
  'fail-dnf-init-legacy-iso-issue650.txt': {
    code: 'bibFailed',
    // A multi-line error stays whole: the chain, "output:" and the tool's message.
    detail:
      /^cannot build manifest: initializing dnf in \w+ container failed: exit status 2\noutput:\nMissing command/,
  },
  'fail-missing-installer-payload-ref-issue1202.txt': {
    code: 'installerPayloadMissing',
    detail: /^cannot build manifest: no installer payload bootc ref set$/,
  },
  'fail-missing-storage-mount-issue831.txt': {
    code: 'storageNotMounted',
    detail: /^cannot build manifest: could not access container storage/,
  },
  'fail-no-space-left-extension-bootc-issue1726.txt': {
    code: 'noSpaceLeft',
    detail: /^cp: error deallocating '\/output\/image\/\.\/disk\.raw': No space left on device$/,
  },
  'fail-not-a-bootc-image-issue1164.txt': {
    code: 'notBootcImage',
    detail: /^cannot build manifest: image localhost\/bootc:latest is not a bootc image$/,
  },
  'fail-old-bib-osbuild-failed-extension-bootc-issue185.txt': {
    code: 'osbuildFailed',
    detail: /bootupctl[\s\S]*error: running osbuild failed: exit status 1$/,
  },
  'fail-old-bib-unknown-flag-usage-issue614.txt': {
    code: 'unknownFlag',
    detail: /did not accept its command line/,
  },
  'fail-overlay-over-overlayfs-issue943.txt': {
    code: 'storageNotMounted',
    detail: /'overlay' is not supported over overlayfs/,
  },
  'fail-rootless-podman-issue569.txt': {
    code: 'notRootful',
    detail: /^cannot validate the setup: this command must be run in rootful \(not rootless\) podman$/,
  },
  'fail-selinux-setfiles-in-vm-image-builder-issue2486.txt': {
    code: 'selinuxSetfiles',
    detail:
      /^setfiles: Could not set context for \S+systemd-cryptsetup-generator: {2}Invalid argument\n\(and 10 more/,
  },
  'fail-selinux-setfiles-issue6.txt': {
    code: 'selinuxSetfiles',
    detail: /^setfiles: Could not set context for \S+systemd-fstab-generator/,
  },
  'fail-term-image-not-pulled-unattributed.txt': {
    code: 'imageNotPulled',
    // podman's own stderr, quoted inside bib's error, comes along.
    detail: /^cannot build manifest: failed to inspect the image: exit status 125, stderr:\ntime=/,
  },
  'fail-term-progress-token-too-long-issue1077.txt': {
    code: 'osbuildFailed',
    detail: /error parsing osbuild status.*token too long/,
  },
  'fail-unsupported-image-type-issue1221.txt': {
    code: 'unsupportedImageType',
    detail: /^cannot build manifest: cannot detect build types \[bootc-generic-iso\]/,
  },
};

/** Successful runs whose log reaches bib's last line, "Results saved in". */
const SUCCESSES: Record<string, Record<string, string[]>> = {
  'success-tail-anaconda-iso-cloud-club-week2.txt': ISO_PIPELINES,
  'success-tail-verbose-iso-unattributed.txt': ISO_PIPELINES,
  'success-tail-verbose-qcow2-unattributed.txt': QCOW2_PIPELINES,
  'term-success-final-frame-ami-output-layout-unattributed.txt': RAW_PIPELINES,
  'term-success-final-frame-iso-local-warning-unattributed.txt': ISO_PIPELINES,
  'term-success-final-frame-qcow2-unattributed.txt': QCOW2_PIPELINES,
};

/** Feeds every line; returns every state the tracker reported, and checks none went backwards. */
function replay(lines: string[], pipelines: Record<string, string[]>): BuildProgress[] {
  const tracker = new VerboseProgressTracker('b1', parseManifestStages(manifestJson(pipelines)));
  const seen: BuildProgress[] = [];
  for (const line of lines) {
    const update = tracker.feed('stderr', line);
    if (update) seen.push(BuildProgressSchema.parse(update));
  }
  for (let index = 1; index < seen.length; index++) {
    expect(seen[index]?.fraction).toBeGreaterThanOrEqual(seen[index - 1]?.fraction ?? 0);
  }
  return seen;
}

describe.runIf(haveBibLogs)('the real bib logs', () => {
  it.each(Object.entries(FAILURES))('%s is classified by its distinctive text', (name, expected) => {
    const failure = classifyBibFailure({ exitCode: 1, signal: null, lines: readBibLog(name) });
    expect(failure.code).toBe(expected.code);
    expect(failure.detail).toMatch(expected.detail);
  });

  it('has an expected classification for every failure log in the folder', () => {
    const failureLogs = bibLogNames().filter((name) => name.startsWith('fail-'));
    expect(failureLogs.sort()).toEqual(Object.keys(FAILURES).sort());
  });

  it.each(Object.entries(SUCCESSES))(
    '%s drives progress to done at 1 without going back',
    (name, pipelines) => {
      const seen = replay(readBibLog(name), pipelines);
      expect(seen.at(-1)).toMatchObject({ phase: 'done', fraction: 1 });
    },
  );

  it('follows the start of a verbose run: manifest, sources, the build pipeline, its first stage', () => {
    const seen = replay(readBibLog('verbose-success-start-issue406.txt'), RAW_PIPELINES);
    expect(seen.map((progress) => progress.phase)).toEqual([
      'manifest',
      'manifest',
      'building',
      'building',
      'building',
      'building',
    ]);
    expect(seen.at(-1)?.stage).toEqual({
      index: 1,
      total: 12,
      name: 'org.osbuild.container-deploy',
      pipeline: 'build',
    });
  });

  it.each([
    ['verbose-mkfs-stage-fragment-issue540.txt', 'org.osbuild.mkfs.xfs'],
    ['verbose-osbuild-stage-output-issue204.txt', 'org.osbuild.bootupd'],
    ['verbose-cross-arch-start-issue641.txt', 'org.osbuild.container-deploy'],
  ])('finds the stage in the mid-build fragment %s and stays short of done', (name, stage) => {
    const seen = replay(readBibLog(name), RAW_PIPELINES);
    expect(seen.map((progress) => progress.stage?.name)).toContain(stage);
    expect(seen.every((progress) => progress.phase !== 'done' && progress.fraction < 1)).toBe(true);
  });

  it('replays every log in the folder without throwing or going backwards', () => {
    for (const name of bibLogNames()) replay(readBibLog(name), RAW_PIPELINES);
  });
});
