import { describe, expect, it } from 'vitest';
import {
  ManifestParseError,
  parseManifestStages,
} from '../../../src/core/diskImages/bibOutput/manifestStages';

// Trimmed from the shape bib prints for `--type qcow2` of a bootc image: inputs, devices and
// mounts are kept so the parser proves it ignores them.
const MANIFEST = {
  version: '2',
  pipelines: [
    {
      name: 'build',
      runner: 'org.osbuild.centos10',
      stages: [
        {
          type: 'org.osbuild.container-deploy',
          inputs: {
            images: {
              type: 'org.osbuild.containers-storage',
              origin: 'org.osbuild.source',
              references: { 'sha256:129c330a79048413e9609b2ddc808522905e4277f0ceaa79cd84be2ec773f495': {} },
            },
          },
        },
        {
          type: 'org.osbuild.selinux',
          options: {
            file_contexts: 'etc/selinux/targeted/contexts/files/file_contexts',
            labels: { '/usr/bin/ostree': 'system_u:object_r:install_exec_t:s0' },
          },
        },
      ],
    },
    {
      name: 'image',
      build: 'name:build',
      stages: [
        { type: 'org.osbuild.truncate', options: { filename: 'disk.raw', size: '10737418240' } },
        {
          type: 'org.osbuild.sfdisk',
          options: {
            label: 'gpt',
            partitions: [{ size: 2048, start: 2048, type: '21686148-6449-6E6F-744E-656564454649' }],
          },
          devices: { device: { type: 'org.osbuild.loopback', options: { filename: 'disk.raw' } } },
        },
        {
          type: 'org.osbuild.mkfs.xfs',
          options: { uuid: '961dfd7a-d78b-4564-b77f-9f62b61fe8b8', label: 'root' },
        },
        {
          type: 'org.osbuild.bootc.install-to-filesystem',
          options: { 'target-imgref': 'quay.io/centos-bootc/centos-bootc:stream10' },
          mounts: [{ name: '-', type: 'org.osbuild.xfs', source: 'disk', target: '/' }],
        },
      ],
    },
    {
      name: 'qcow2',
      build: 'name:build',
      stages: [{ type: 'org.osbuild.qemu', options: { format: { type: 'qcow2' } } }],
    },
  ],
  sources: { 'org.osbuild.containers-storage': { items: {} } },
};

describe('parseManifestStages', () => {
  const expected = [
    { pipeline: 'build', stageType: 'org.osbuild.container-deploy' },
    { pipeline: 'build', stageType: 'org.osbuild.selinux' },
    { pipeline: 'image', stageType: 'org.osbuild.truncate' },
    { pipeline: 'image', stageType: 'org.osbuild.sfdisk' },
    { pipeline: 'image', stageType: 'org.osbuild.mkfs.xfs' },
    { pipeline: 'image', stageType: 'org.osbuild.bootc.install-to-filesystem' },
    { pipeline: 'qcow2', stageType: 'org.osbuild.qemu' },
  ];

  it('lists every stage of every pipeline in manifest order', () => {
    expect(parseManifestStages(`${JSON.stringify(MANIFEST)}\n`)).toEqual(expected);
  });

  it('reads a saved manifest-*.json too (indented), and a pipeline without stages', () => {
    const withEmpty = {
      ...MANIFEST,
      pipelines: [...MANIFEST.pipelines, { name: 'empty', build: 'name:build' }],
    };
    expect(parseManifestStages(JSON.stringify(withEmpty, null, 2))).toEqual(expected);
  });

  it('skips a stray line printed before the JSON', () => {
    expect(parseManifestStages(`WARNING: something\n${JSON.stringify(MANIFEST)}\n`)).toEqual(expected);
  });

  it.each([
    ['', /printed no manifest/],
    ['Error: image not known', /not JSON: it starts with "Error: image not known"/],
    ['{"version": "2", "pipelines": [', /not JSON/],
    ['[]', /not an osbuild version 2 manifest/],
    ['{"version": "1", "pipelines": [{"name": "build", "stages": []}]}', /at version/],
    ['{"version": "2", "pipelines": []}', /at pipelines/],
    [
      '{"version": "2", "pipelines": [{"name": "build", "stages": [{"type": 42}]}]}',
      /at pipelines\.0\.stages\.0\.type/,
    ],
    [
      '{"version": "2", "pipelines": [{"name": "build", "stages": [{"type": "rm -rf"}]}]}',
      /at pipelines\.0\.stages\.0\.type/,
    ],
    ['{"version": "2", "pipelines": [{"name": "build", "stages": []}]}', /no stages/],
  ])('refuses %j with a clear error', (text, message) => {
    expect(() => parseManifestStages(text)).toThrow(ManifestParseError);
    expect(() => parseManifestStages(text)).toThrow(message);
  });
});
