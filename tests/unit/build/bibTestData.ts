import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIB_DATA_DIR } from '../../support/referenceData';

/** Real bib/osbuild output captured from public issues (see its INDEX.md). */
export const BIB_LOG_DIR = join(BIB_DATA_DIR, 'logs');
export const haveBibLogs = existsSync(BIB_LOG_DIR);
if (!haveBibLogs) {
  console.warn(
    `The real bib logs are not on this machine (${BIB_LOG_DIR} is missing): the tests that replay them do not run.`,
  );
}

export function bibLogNames(): string[] {
  return readdirSync(BIB_LOG_DIR).filter((name) => name.endsWith('.txt'));
}

/** A log's verbatim lines: each file starts with `#` lines saying where it comes from. */
export function readBibLog(name: string): string[] {
  const lines = readFileSync(join(BIB_LOG_DIR, name), 'utf8').split('\n');
  const firstVerbatim = lines.findIndex((line) => !line.startsWith('#'));
  return firstVerbatim === -1 ? [] : lines.slice(firstVerbatim);
}

const hex = (seed: number) => seed.toString(16).padStart(2, '0').repeat(32);

/** A stage header exactly as osbuild's LogMonitor prints it (no tty: no escapes). */
export function stageHeader(stageType: string, seed: number, options = '{}'): string {
  return `${stageType}: ${hex(seed)} ${options}`;
}

export function pipelineHeader(name: string, seed: number): string {
  return `Pipeline ${name}: ${hex(seed)}`;
}

type Pipelines = Record<string, string[]>;

/** An osbuild v2 manifest with the shape bib prints (stage options elided to what matters). */
export function manifestJson(pipelines: Pipelines): string {
  return JSON.stringify({
    version: '2',
    pipelines: Object.entries(pipelines).map(([name, stages]) => ({
      name,
      ...(name === 'build' ? { runner: 'org.osbuild.centos10' } : { build: 'name:build' }),
      stages: stages.map((type) => ({ type, options: {} })),
    })),
    sources: { 'org.osbuild.containers-storage': { items: {} } },
  });
}

/** The pipelines bib's manifest has for `--type raw` of a bootc image. */
export const RAW_PIPELINES: Pipelines = {
  build: ['org.osbuild.container-deploy', 'org.osbuild.selinux'],
  image: [
    'org.osbuild.truncate',
    'org.osbuild.sfdisk',
    'org.osbuild.mkfs.fat',
    'org.osbuild.mkfs.ext4',
    'org.osbuild.mkfs.xfs',
    'org.osbuild.bootc.install-to-filesystem',
    'org.osbuild.bootupd',
    'org.osbuild.users',
    'org.osbuild.fstab',
    'org.osbuild.selinux',
  ],
};

/** The same plus the qcow2 conversion. */
export const QCOW2_PIPELINES: Pipelines = { ...RAW_PIPELINES, qcow2: ['org.osbuild.qemu'] };

/** The pipelines of the legacy anaconda ISO (osbuild's summary table in the ISO success log). */
export const ISO_PIPELINES: Pipelines = {
  build: ['org.osbuild.rpm', 'org.osbuild.selinux'],
  'anaconda-tree': ['org.osbuild.rpm', 'org.osbuild.buildstamp', 'org.osbuild.locale', 'org.osbuild.dracut'],
  'rootfs-image': ['org.osbuild.mkdir', 'org.osbuild.truncate', 'org.osbuild.mkfs.ext4', 'org.osbuild.copy'],
  'efiboot-tree': ['org.osbuild.grub2.iso'],
  'bootiso-tree': ['org.osbuild.mkdir', 'org.osbuild.copy', 'org.osbuild.squashfs', 'org.osbuild.discinfo'],
  bootiso: ['org.osbuild.xorrisofs', 'org.osbuild.implantisomd5'],
};
