import { describe, expect, it } from 'vitest';
import { parseManifestStages } from '../../../src/core/diskImages/bibOutput/manifestStages';
import { PHASE_BANDS, phaseFraction } from '../../../src/core/diskImages/bibOutput/progressBands';
import { VerboseProgressTracker } from '../../../src/core/diskImages/bibOutput/verboseProgress';
import type { BuildProgress } from '../../../src/shared/diskImages/buildProgress';
import { manifestJson, pipelineHeader, QCOW2_PIPELINES, RAW_PIPELINES, stageHeader } from './bibTestData';

const RAW_STAGES = parseManifestStages(manifestJson(RAW_PIPELINES));
const building = (done: number, total: number) => phaseFraction('building', done / total);

/** A raw build as `bib build --progress verbose` prints it, osbuild's text log in the middle. */
const RAW_RUN = [
  'Generating manifest manifest-raw.json',
  'Manifest generation step',
  'Done generating manifest',
  'Disk image building step',
  'Building manifest-raw.json',
  `starting -Pipeline source org.osbuild.containers-storage: ${'ab'.repeat(32)}`,
  pipelineHeader('build', 1),
  'Build',
  '  root: <host>',
  '  runner: org.osbuild.centos10 (org.osbuild.centos10)',
  stageHeader('org.osbuild.container-deploy', 2),
  'Getting image source signatures',
  '',
  '⏱  Duration: 12s',
  stageHeader('org.osbuild.selinux', 3, '{'),
  '  "file_contexts": "etc/selinux/targeted/contexts/files/file_contexts"',
  '}',
  '',
  '⏱  Duration: 3s',
  pipelineHeader('image', 4),
  'Build',
  `  root: ${'01'.repeat(32)}`,
  stageHeader('org.osbuild.truncate', 5, '{'),
  '  "filename": "disk.raw",',
  '  "size": "10737418240"',
  '}',
  '⏱  Duration: 0s',
];

function feedAll(tracker: VerboseProgressTracker, lines: string[]): BuildProgress[] {
  return lines.flatMap((line) => tracker.feed('stderr', line) ?? []);
}

describe('VerboseProgressTracker', () => {
  it('places each stage in the manifest’s list and counts it done at its Duration line', () => {
    const tracker = new VerboseProgressTracker('b1', RAW_STAGES);
    const seen = feedAll(tracker, RAW_RUN);
    const at = (message: string) => seen.find((progress) => progress.message === message);

    expect(at('Generating manifest manifest-raw.json')).toMatchObject({ phase: 'manifest', fraction: 0.1 });
    expect(at('Building manifest-raw.json')).toMatchObject({ phase: 'building', fraction: 0.15 });
    expect(at('org.osbuild.selinux (pipeline build)')).toEqual({
      buildId: 'b1',
      phase: 'building',
      stage: { index: 2, total: 12, name: 'org.osbuild.selinux', pipeline: 'build' },
      fraction: building(1, 12),
      message: 'org.osbuild.selinux (pipeline build)',
    });
    expect(at('org.osbuild.truncate (pipeline image)')?.stage).toMatchObject({ index: 3, pipeline: 'image' });
    expect(tracker.snapshot().fraction).toBe(building(3, 12));
  });

  it('jumps over what osbuild had cached, and never goes back', () => {
    const tracker = new VerboseProgressTracker('b1', parseManifestStages(manifestJson(QCOW2_PIPELINES)));
    // build and the first stages of image were in the store: osbuild starts at bootupd.
    feedAll(tracker, [
      'Building manifest-qcow2.json',
      pipelineHeader('build', 1),
      pipelineHeader('image', 2),
    ]);
    expect(tracker.snapshot().fraction).toBe(building(2, 13));
    const update = tracker.feed('stdout', stageHeader('org.osbuild.bootupd', 3));
    expect(update?.stage).toEqual({ index: 9, total: 13, name: 'org.osbuild.bootupd', pipeline: 'image' });
    expect(update?.fraction).toBe(building(8, 13));
    // A stage type seen earlier in the list does not move the position back.
    const earlier = tracker.feed('stdout', stageHeader('org.osbuild.truncate', 4));
    expect(earlier?.fraction).toBe(building(8, 13));
    expect(earlier?.stage?.index).toBe(9);
  });

  it('finds a repeated stage type at its next place, in the announced pipeline', () => {
    const tracker = new VerboseProgressTracker('b1', RAW_STAGES);
    feedAll(tracker, [pipelineHeader('build', 1), stageHeader('org.osbuild.selinux', 2)]);
    expect(tracker.snapshot().stage).toMatchObject({ index: 2, pipeline: 'build' });
    feedAll(tracker, [pipelineHeader('image', 3), stageHeader('org.osbuild.selinux', 4)]);
    expect(tracker.snapshot().stage).toMatchObject({ index: 12, pipeline: 'image' });
  });

  it('names a stage the list lacks without moving the bar', () => {
    const tracker = new VerboseProgressTracker('b1', RAW_STAGES);
    feedAll(tracker, RAW_RUN);
    const before = tracker.snapshot();
    const update = tracker.feed('stdout', stageHeader('org.osbuild.brand-new', 9));
    expect(update?.stage).toEqual({ index: 3, total: 12, name: 'org.osbuild.brand-new', pipeline: 'image' });
    expect(update?.fraction).toBe(before.fraction);
    expect(tracker.feed('stdout', '⏱  Duration: 1s')).toBeNull();
  });

  it('ignores lines it does not know, escape sequences and all', () => {
    const tracker = new VerboseProgressTracker('b1', RAW_STAGES);
    feedAll(tracker, RAW_RUN);
    const before = tracker.snapshot();
    for (const line of [
      '',
      '   ',
      'Copying blob sha256:050a8d406ab9 done',
      'mount/boot (org.osbuild.ext4): mounting /dev/loop1 -> /store/tmp/mounts/boot',
      '  runner: org.osbuild.fedora38 (org.osbuild.fedora38)',
      'org.osbuild.selinux: not-a-stage-header',
      'build:    \t5cfeabcf7f832618b6b0d3448f2c93909c6b60afbb125e1d03a8a456c8cf5358',
      '\u001b[2K\u001b[1A',
      '\u0000\uFFFD garbage ⏱',
    ]) {
      expect(tracker.feed('stdout', line)).toBeNull();
    }
    expect(tracker.snapshot()).toEqual(before);
  });

  it('reads osbuild headers printed in bold for a tty', () => {
    const tracker = new VerboseProgressTracker('b1', RAW_STAGES);
    const update = tracker.feed(
      'stdout',
      `\u001b[0m\u001b[1m${stageHeader('org.osbuild.container-deploy', 1)}`,
    );
    expect(update?.stage?.index).toBe(1);
  });

  it('moves to finishing when osbuild succeeds, and to done at bib’s last line', () => {
    const tracker = new VerboseProgressTracker('b1', RAW_STAGES);
    feedAll(tracker, RAW_RUN);
    expect(tracker.feed('stdout', 'manifest - finished successfully')).toMatchObject({
      phase: 'finishing',
      fraction: PHASE_BANDS.finishing[0],
    });
    expect(tracker.feed('stderr', 'Build complete!')).toMatchObject({ phase: 'finishing' });
    expect(tracker.feed('stderr', 'Results saved in .')).toMatchObject({ phase: 'done', fraction: 1 });
    expect(tracker.feed('stderr', pipelineHeader('build', 1))).toBeNull();
  });

  it('shows bib’s error as the message but leaves the outcome to the exit status', () => {
    const tracker = new VerboseProgressTracker('b1', RAW_STAGES);
    feedAll(tracker, RAW_RUN);
    const update = tracker.feed('stderr', '2026/03/31 17:27:46 error: cannot run osbuild: exit status 1');
    expect(update).toMatchObject({ phase: 'building', message: 'error: cannot run osbuild: exit status 1' });
    expect(tracker.finish('failed', 'osbuild failed')).toMatchObject({
      phase: 'failed',
      fraction: building(3, 12),
    });
  });

  it('counts stages without a manifest, holding the bar at the start of building', () => {
    const tracker = new VerboseProgressTracker('b1', null);
    const seen = feedAll(tracker, RAW_RUN);
    expect(seen.at(-1)?.stage).toEqual({
      index: 3,
      total: 0,
      name: 'org.osbuild.truncate',
      pipeline: 'image',
    });
    expect(tracker.snapshot().fraction).toBe(PHASE_BANDS.building[0]);
  });

  it('takes the phases Bootstick runs itself, in order only', () => {
    const tracker = new VerboseProgressTracker('b1', RAW_STAGES);
    expect(tracker.enterPhase('preflight', 'Checking')).toMatchObject({ phase: 'preflight', fraction: 0 });
    expect(tracker.enterPhase('pulling', 'Pulling', 0.5)).toMatchObject({ phase: 'pulling', fraction: 0.06 });
    expect(tracker.enterPhase('preflight', 'again')).toMatchObject({ phase: 'pulling', fraction: 0.06 });
  });

  it('handles the pre-2025 wording: DONE, Image building step, a two-line Results saved in', () => {
    const tracker = new VerboseProgressTracker('b1', RAW_STAGES);
    const seen = feedAll(tracker, [
      'Generating manifest manifest-raw.json',
      'DONE',
      'Image building step',
      'Build complete!',
      'Results saved in',
      '/output',
    ]);
    expect(seen.map((progress) => progress.phase)).toEqual([
      'manifest',
      'manifest',
      'building',
      'finishing',
      'done',
    ]);
  });
});
