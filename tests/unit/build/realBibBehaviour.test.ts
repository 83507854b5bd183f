import { describe, expect, it } from 'vitest';
import { decodeBlueprintToml, stringifyBlueprintToml } from '../../../src/core/blueprint/blueprintToml';
import { bibWarning } from '../../../src/core/diskImages/bibOutput/bibWarnings';
import { parseManifestStages } from '../../../src/core/diskImages/bibOutput/manifestStages';
import { VerboseProgressTracker } from '../../../src/core/diskImages/bibOutput/verboseProgress';
import { validateBlueprint } from '../../../src/shared/blueprint/validateBlueprint';
import { BuildRequestSchema } from '../../../src/shared/diskImages/buildRecord';
import { exportPipeline, OFFERED_IMAGE_TYPES } from '../../../src/shared/diskImages/imageTypes';

/** A disk manifest the way osbuild/images lays one out: image, then every export pipeline on it. */
const DISK_MANIFEST = JSON.stringify({
  version: '2',
  pipelines: [
    { name: 'build', stages: [{ type: 'org.osbuild.container-deploy' }, { type: 'org.osbuild.selinux' }] },
    {
      name: 'image',
      build: 'name:build',
      stages: [
        { type: 'org.osbuild.truncate' },
        { type: 'org.osbuild.sfdisk' },
        { type: 'org.osbuild.bootc.install-to-filesystem' },
      ],
    },
    {
      name: 'qcow2',
      build: 'name:build',
      stages: [{ type: 'org.osbuild.qemu', inputs: { image: { references: { 'name:image': {} } } } }],
    },
    {
      name: 'vmdk',
      build: 'name:build',
      stages: [{ type: 'org.osbuild.qemu', inputs: { image: { references: { 'name:image': {} } } } }],
    },
    {
      name: 'ovf',
      build: 'name:build',
      stages: [{ type: 'org.osbuild.ovf', inputs: { vmdk: { references: { 'name:vmdk': {} } } } }],
    },
    {
      name: 'archive',
      build: 'name:build',
      stages: [{ type: 'org.osbuild.tar', inputs: { tree: { references: ['name:ovf'] } } }],
    },
  ],
});

describe('progress counts only the stages osbuild runs for the export', () => {
  it('a raw build runs build and image, not the qcow2, vmdk, ovf or archive pipelines', () => {
    const stages = parseManifestStages(DISK_MANIFEST, exportPipeline('raw'));
    expect([...new Set(stages.map((stage) => stage.pipeline))]).toEqual(['build', 'image']);
    expect(stages).toHaveLength(5);
  });

  it('follows references through other pipelines (archive needs ovf, which needs vmdk)', () => {
    const stages = parseManifestStages(DISK_MANIFEST, 'archive');
    expect([...new Set(stages.map((stage) => stage.pipeline))]).toEqual([
      'build',
      'image',
      'vmdk',
      'ovf',
      'archive',
    ]);
    expect(
      parseManifestStages(DISK_MANIFEST, exportPipeline('qcow2')).map((stage) => stage.pipeline),
    ).not.toContain('vmdk');
  });

  it('counts every stage when the export is not in the manifest (an unknown builder)', () => {
    expect(parseManifestStages(DISK_MANIFEST, 'bootiso')).toHaveLength(9);
  });
});

describe('the lines the real bib prints', () => {
  it('reads "Done generating manifest" glued to a warning printed without its newline', () => {
    const tracker = new VerboseProgressTracker('build-1', null);
    const glued =
      'blueprint validation failed for image type "raw": customizations.filesystem: not supportedDone generating manifest';
    const update = tracker.feed('stderr', glued);
    expect(update).toMatchObject({ phase: 'manifest', message: 'Done generating manifest' });
    expect(bibWarning(glued)).toContain('applies it');
  });

  it('says filesystem is applied on disk types although bib calls it unsupported; others are ignored', () => {
    expect(
      bibWarning(
        'blueprint validation failed for image type "qcow2": customizations.filesystem: not supported',
      ),
    ).toBe(
      'bootc-image-builder says customizations.filesystem is not supported for qcow2 images, but it applies it: the partitions get the sizes you set.',
    );
    expect(
      bibWarning('blueprint validation failed for image type "raw": customizations.hostname: not supported'),
    ).toBe('customizations.hostname is not supported for raw images: bootc-image-builder ignores it.');
  });
});

describe('a kickstart of one’s own, even an empty one', () => {
  const withKickstart = (contents: string, extra: object) =>
    validateBlueprint(
      { customizations: { installer: { kickstart: { contents }, ...extra }, user: [{ name: 'ada' }] } },
      { imageType: 'anaconda-iso' },
    ).filter((problem) => problem.severity === 'error');

  it('refuses users, unattended and sudo beside it, as bib does (images kickstart Options.Validate)', () => {
    expect(withKickstart('', {}).map((problem) => problem.path.join('.'))).toEqual([
      'customizations.installer.kickstart',
    ]);
    expect(withKickstart('', { unattended: true }).length).toBe(2);
    expect(withKickstart('', { 'sudo-nopasswd': ['ada'] }).length).toBe(2);
  });
});

describe('bootc-installer', () => {
  it('is not offered, and a request for it is refused in words that name the way out', () => {
    expect(OFFERED_IMAGE_TYPES).not.toContain('bootc-installer');
    const refused = BuildRequestSchema.safeParse({
      sourceImage: 'localhost/a:1',
      type: 'bootc-installer',
      config: {},
    });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toContain('Build anaconda-iso instead');
  });
});

describe('customizations.iso, judged per builder', () => {
  const problems = (iso: object, builder?: 'bootc-image-builder' | 'image-builder-cli') =>
    validateBlueprint(
      { customizations: { iso } },
      { imageType: 'anaconda-iso', ...(builder ? { builder } : {}) },
    ).map((problem) => `${problem.severity} ${problem.words?.key}`);

  it('bootc-image-builder labels the ISO with volume_id only, and refuses the table without one', () => {
    expect(problems({ volume_id: 'LAB', application_id: 'x' }, 'bootc-image-builder')).toEqual([
      'warning iso.onlyVolumeId',
    ]);
    expect(problems({ publisher: 'me' })).toEqual(['error iso.labelMissing', 'warning iso.onlyVolumeId']);
  });

  it('image-builder-cli ignores all of it with a warning, and refuses nothing', () => {
    expect(problems({ publisher: 'me' }, 'image-builder-cli')).toEqual(['warning iso.ignoredByImages']);
  });
});

describe('keys only the successor reads', () => {
  const problems = (customizations: object, builder?: 'bootc-image-builder' | 'image-builder-cli') =>
    validateBlueprint({ customizations }, builder ? { builder } : {}).map(
      (problem) => `${problem.severity} ${problem.words?.key}`,
    );
  const payload = {
    installer: { payload: { flatpaks: { force: [{ references: ['app/org.gnome.Calculator'] }] } } },
  };

  it('installer.payload: refused by bootc-image-builder, read but unused by image-builder-cli', () => {
    expect(problems(payload, 'bootc-image-builder')).toEqual(['error successor.payloadRefused']);
    expect(problems(payload, 'image-builder-cli')).toEqual(['warning successor.payloadUnused']);
    expect(problems(payload)).toEqual(['warning successor.payloadMaybeRefused']);
  });

  it('disk.sector_size: ignored by bootc-image-builder, a power of 2 for image-builder-cli', () => {
    expect(problems({ disk: { sector_size: 4096 } }, 'bootc-image-builder')).toEqual([
      'warning successor.sectorSizeIgnored',
    ]);
    expect(problems({ disk: { sector_size: 4096 } }, 'image-builder-cli')).toEqual([]);
    expect(problems({ disk: { sector_size: 3000 } }, 'image-builder-cli')).toEqual([
      'error successor.sectorSizePower',
    ]);
  });

  it('firstboot: imported and written back as given, ordering keys included', () => {
    // osbuild/blueprint customizations.go (1057bff) reads firstboot as one table
    // (firstboot_customizations.go: type, name, ignore_failure, custom_contents, …); bootc image types
    // do not use it. Bootstick keeps the table verbatim, so a successor's newer keys such as
    // after/before are never refused on import.
    const text =
      '[customizations.firstboot]\ntype = "custom"\nname = "enroll"\ncustom_contents = "echo hi"\n' +
      'after = ["network-online.target"]\nbefore = ["sshd.service"]\n';
    const decoded = decodeBlueprintToml(text);
    expect(decoded.ok && decoded.problems).toEqual([]);
    if (!decoded.ok) return;
    const written = stringifyBlueprintToml(decoded.blueprint);
    expect(written).toContain('after = [ "network-online.target" ]');
    expect(written).toContain('before = [ "sshd.service" ]');
  });
});
