import { describe, expect, it } from 'vitest';
import { BibHelpParseError, parseBibHelpFlags } from '../../../src/core/diskImages/bibOutput/bibHelpFlags';

// `build --help` as cobra's default template prints it for each implementation, written from
// their flag definitions (contract.md §1.1): classic bib (osbuild/bootc-image-builder) and its
// successor in osbuild/image-builder. pflag sorts flags by name; hidden ones are not printed.
const BIB_HELP = `Create a bootable image from an ostree native container
(default action if no command is given)
IMAGE_NAME: container image to build into a bootable image

Usage:
  bootc-image-builder build IMAGE_NAME

Examples:
bootc-image-builder build quay.io/centos-bootc/centos-bootc:stream9
bootc-image-builder quay.io/centos-bootc/centos-bootc:stream9


Flags:
      --aws-ami-name string            name for the AMI in AWS (only for type=ami)
      --aws-bucket string              target S3 bucket name for intermediate storage when creating AMI (only for type=ami)
      --aws-region string              target region for AWS uploads (only for type=ami)
      --build-container string         Use a custom container for the image build
      --chown string                   chown the ouput directory to match the specified UID:GID
  -h, --help                           help for build
      --in-vm                          Run osbuild in a virtual machine
      --installer-payload-ref string   bootc installer payload ref
      --no-default-kernel-args         don't use the default kernel arguments
      --output string                  artifact output directory (default ".")
      --progress string                type of progress bar to use (e.g. verbose,term) (default "auto")
      --rootfs string                  Root filesystem type. If not given, the default configured in the source container image is used.
      --rpmmd string                   rpm metadata cache directory (default "/rpmmd")
      --store string                   osbuild store for intermediate pipeline trees (default "/store")
      --target-arch string             build for the given target architecture (experimental)
      --type stringArray               image types to build [ami, anaconda-iso, bootc-installer, gce, iso, ova, pxe-tar-xz, qcow2, raw, vhd, vmdk] (default [qcow2])
      --use-librepo                    switch to librepo for pkg download, needs new enough osbuild (default true)
      --version                        version for build

Global Flags:
      --log-level string   logging level (debug, info, error); default error
  -v, --verbose            Switch to verbose mode
`;

const NEWBIB_HELP = `Usage:
  bootc-image-builder build IMAGE_NAME

Flags:
      --aws-ami-name string            name for the AMI in AWS (only for type=ami)
      --aws-bucket string              target S3 bucket name for intermediate storage when creating AMI (only for type=ami)
      --aws-region string              target region for AWS uploads (only for type=ami)
      --build-container string         Use a custom container for the image build
      --chown string                   chown the ouput directory to match the specified UID:GID
  -h, --help                           help for build
      --installer-payload-ref string   bootc installer payload ref
      --output string                  artifact output directory (default ".")
      --progress string                type of progress bar to use (e.g. verbose,term) (default "auto")
      --rootfs string                  Root filesystem type. If not given, the default configured in the source container image is used.
      --rpmmd string                   rpm metadata cache directory (default "/rpmmd")
      --seed int                       rng seed, some values are derived randomly, pinning the seed allows more reproducibility if you need it. must be an integer. only used when changed.
      --store string                   osbuild store for intermediate pipeline trees (default "/store")
      --target-arch string             build for the given target architecture (experimental)
      --type stringArray               image types to build [ami, anaconda-iso, bootc-installer, gce, iso, ova, pxe-tar-xz, qcow2, raw, vhd, vmdk] (default [qcow2])
      --use-librepo                    switch to librepo for pkg download, needs new enough osbuild (default true)
      --version                        version for build

Global Flags:
      --log-level string   logging level (debug, info, error); default error
  -v, --verbose            Switch to verbose mode
`;

describe('parseBibHelpFlags', () => {
  it('lists every flag of classic bib, global ones included', () => {
    expect([...parseBibHelpFlags(BIB_HELP)].sort()).toEqual([
      '--aws-ami-name',
      '--aws-bucket',
      '--aws-region',
      '--build-container',
      '--chown',
      '--help',
      '--in-vm',
      '--installer-payload-ref',
      '--log-level',
      '--no-default-kernel-args',
      '--output',
      '--progress',
      '--rootfs',
      '--rpmmd',
      '--store',
      '--target-arch',
      '--type',
      '--use-librepo',
      '--verbose',
      '--version',
    ]);
  });

  it('tells the two implementations apart by the flags only one has', () => {
    const bib = parseBibHelpFlags(BIB_HELP);
    const newBib = parseBibHelpFlags(NEWBIB_HELP);
    expect([bib.has('--in-vm'), bib.has('--no-default-kernel-args'), bib.has('--seed')]).toEqual([
      true,
      true,
      false,
    ]);
    expect([newBib.has('--in-vm'), newBib.has('--no-default-kernel-args'), newBib.has('--seed')]).toEqual([
      false,
      false,
      true,
    ]);
    expect(newBib.has('--progress') && newBib.has('--chown') && newBib.has('--type')).toBe(true);
  });

  it('never reports hidden flags, which help does not print', () => {
    expect(parseBibHelpFlags(BIB_HELP).has('--config')).toBe(false);
  });

  it('reads help captured through a tty (\\r\\n endings)', () => {
    expect(parseBibHelpFlags(NEWBIB_HELP.replaceAll('\n', '\r\n')).has('--seed')).toBe(true);
  });

  it('does not take flags mentioned in descriptions or examples for flags', () => {
    const help = `Examples:
      --fake-example-flag   shown as an example, not a flag

Flags:
      --type stringArray   image types to build;
                           --not-a-flag appears in a wrapped description
`;
    expect([...parseBibHelpFlags(help)]).toEqual(['--type']);
  });

  it.each([
    ['', 'empty output'],
    ['Error: unknown flag: --help-me', 'an error instead of help'],
    ['Usage:\n  bootc-image-builder build IMAGE_NAME\n', 'usage without flags'],
  ])('refuses %j (%s)', (text) => {
    expect(() => parseBibHelpFlags(text)).toThrow(BibHelpParseError);
  });
});
