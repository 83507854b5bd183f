import { z } from 'zod';

/**
 * The image types bootc-image-builder builds that a person would pick for a USB stick or a VM,
 * with where bib writes each one (relative to its output folder) and which blueprint
 * customizations bib honours for it. Facts: bootc-image-builder `imagetypes.go` and osbuild/images
 * `bootc-generic/imagetypes.yaml` (see shared/reference/bib-data/contract.md §3, §5).
 */
export const ImageTypeSchema = z.enum([
  'raw',
  'qcow2',
  'vmdk',
  'vhd',
  'anaconda-iso',
  'iso',
  'bootc-installer',
]);
export type ImageType = z.infer<typeof ImageTypeSchema>;

/**
 * What Bootstick offers to build. Not `bootc-installer`: it needs two images, an installer
 * container with Anaconda as the positional image and the OS it installs as
 * `--installer-payload-ref` (osbuild/images distro/generic/bootc_imagetype.go manifestForISO:
 * "no installer payload bootc ref set"), and Bootstick passes one. anaconda-iso installs the
 * chosen image itself. The type stays in ImageTypeSchema so older build records still read.
 */
export const OFFERED_IMAGE_TYPES = ImageTypeSchema.options.filter((type) => type !== 'bootc-installer');
export const NOT_OFFERED_TYPE_MESSAGE =
  'bootc-installer needs an installer image with Anaconda and the image it installs; Bootstick does not build it. Build anaconda-iso instead: that installer installs the chosen image itself.';

export const RootFsSchema = z.enum(['ext4', 'xfs', 'btrfs']);
export type RootFs = z.infer<typeof RootFsSchema>;

export const TargetArchSchema = z.enum(['amd64', 'arm64']);
export type TargetArch = z.infer<typeof TargetArchSchema>;

/** ISO (installer) types cannot be mixed with disk types in one bib run. */
export function isIsoType(type: ImageType): boolean {
  return type === 'anaconda-iso' || type === 'iso' || type === 'bootc-installer';
}

/** The artifact bib writes for a type, relative to `/output` (first and only `--type`). */
export function artifactPath(type: ImageType): string {
  switch (type) {
    case 'raw':
      return 'image/disk.raw';
    case 'qcow2':
      return 'qcow2/disk.qcow2';
    case 'vmdk':
      return 'vmdk/disk.vmdk';
    case 'vhd':
      return 'vpc/disk.vhd';
    case 'anaconda-iso':
    case 'iso':
    case 'bootc-installer':
      return 'bootiso/install.iso';
  }
}

/**
 * The manifest pipeline bib asks osbuild to export for a type (bib/internal/imagetypes/imagetypes.go
 * `Exports()`): osbuild builds that pipeline and what it depends on, nothing else.
 */
export function exportPipeline(type: ImageType): string {
  switch (type) {
    case 'raw':
      return 'image';
    case 'qcow2':
      return 'qcow2';
    case 'vmdk':
      return 'vmdk';
    case 'vhd':
      return 'vpc';
    case 'anaconda-iso':
    case 'iso':
    case 'bootc-installer':
      return 'bootiso';
  }
}

/** Which images can be written to a stick as they are (the rest are for virtual machines). */
export function isFlashable(type: ImageType): boolean {
  return type === 'raw' || isIsoType(type);
}

/** Top-level customization keys bib applies for a type; any other set key draws bib's warning. */
export type CustomizationKey = 'user' | 'group' | 'kernel' | 'filesystem' | 'installer' | 'iso' | 'fips';

export function supportedCustomizations(type: ImageType): readonly CustomizationKey[] {
  if (isIsoType(type)) return ['user', 'group', 'kernel', 'installer', 'iso', 'fips'];
  // filesystem is applied for disk types although osbuild/images omits it from its list and warns.
  return ['user', 'group', 'kernel', 'filesystem'];
}
