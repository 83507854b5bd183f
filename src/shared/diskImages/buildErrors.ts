import { z } from 'zod';

/**
 * Stable codes for everything that can stop a build. The first group is found by Bootstick's
 * own checks before bib runs; the rest are read from bib's output and exit status (see
 * core/diskImages/bibOutput/classifyBibFailure.ts for which text maps to which code).
 */
export const BuildErrorCodeSchema = z.enum([
  // Preflight: found before any container runs.
  'podmanMissing',
  'podmanNotRootful',
  'sourceImageMissing',
  'bibImageMissing',
  'notEnoughSpace',
  'outputNotWritable',
  // bib refused to start or stopped, in its own words.
  'notRootful',
  'notPrivileged',
  'storageNotMounted',
  'imageNotPulled',
  'notBootcImage',
  'noSpaceLeft',
  'selinuxSetfiles',
  'unknownFlag',
  'unsupportedImageType',
  'configRejected',
  'missingRootfs',
  'osbuildFailed',
  /** bib stopped with an error none of the codes above describes; its own text is the detail. */
  'bibFailed',
  // The container, not bib.
  'podmanFailed',
  'killed',
  'cancelled',
  /** The privileged helper could not be started (password prompt refused, no polkit). */
  'elevation',
  /** A defect in Bootstick itself. */
  'internal',
]);
export type BuildErrorCode = z.infer<typeof BuildErrorCodeSchema>;

/** What a person sees: what went wrong, what to do, and the tool's own words as evidence. */
export const BuildErrorSchema = z.object({
  code: BuildErrorCodeSchema,
  message: z.string(),
  fix: z.string(),
  /** bib's, osbuild's or podman's own lines that show the cause; null when there are none. */
  detail: z.string().nullable(),
});
export type BuildError = z.infer<typeof BuildErrorSchema>;

export const BUILD_ERROR_TEXT: Readonly<Record<BuildErrorCode, { message: string; fix: string }>> = {
  podmanMissing: {
    message: 'Podman is not installed on this computer, and bootc-image-builder runs in podman.',
    fix: 'Install podman with your package manager (for example "sudo dnf install podman" or "sudo apt install podman"), then try again.',
  },
  podmanNotRootful: {
    message: 'Podman cannot run containers as root here, and bootc-image-builder only works as root.',
    fix: 'Check that "sudo podman info" works. On macOS or Windows run "podman machine set --rootful" and restart the podman machine.',
  },
  sourceImageMissing: {
    message: "The bootc image is not in root's container storage and could not be pulled.",
    fix: 'Check the image name and the network, or pull it yourself with "sudo podman pull <image>".',
  },
  bibImageMissing: {
    message: 'The bootc-image-builder image is not available and could not be pulled.',
    fix: 'Check the network, or pull it yourself with "sudo podman pull quay.io/centos-bootc/bootc-image-builder:latest".',
  },
  notEnoughSpace: {
    message: 'There is not enough free space for the build.',
    fix: 'A raw image needs about 10 GiB in the output folder, plus room for the build cache. Free some space or choose another output folder.',
  },
  outputNotWritable: {
    message: 'The output folder cannot be written.',
    fix: 'Choose a folder you own on a local disk.',
  },
  notRootful: {
    message: 'bootc-image-builder was started by rootless podman, and it only works with rootful podman.',
    fix: 'Run the build through root\'s podman ("sudo podman run …"); Bootstick does this through its helper.',
  },
  notPrivileged: {
    message: 'The bootc-image-builder container is not privileged: /sys is read-only inside it.',
    fix: 'Run the container with "--privileged". Inside another container or a restricted sandbox this cannot work.',
  },
  storageNotMounted: {
    message: "bootc-image-builder could not use the host's container storage.",
    fix: 'Mount /var/lib/containers/storage into the builder as a plain bind mount (not an overlay ":O" mount), from a host folder that is not itself on overlayfs.',
  },
  imageNotPulled: {
    message: "bootc-image-builder could not find the bootc image in root's container storage.",
    fix: 'Pull it first with "sudo podman pull <image>": bootc-image-builder no longer pulls images itself.',
  },
  notBootcImage: {
    message: 'The image is not a bootc image: it lacks the "containers.bootc=1" label.',
    fix: 'Choose an image built FROM a bootc base image, such as quay.io/centos-bootc/centos-bootc:stream10.',
  },
  noSpaceLeft: {
    message: 'The disk ran out of space during the build.',
    fix: 'Free space where the output folder and the build cache live (a raw image needs about 10 GiB, plus the cache), then build again.',
  },
  selinuxSetfiles: {
    message: 'SELinux refused to label the files of the new system (setfiles: "Invalid argument").',
    fix: 'Install the "osbuild-selinux" package on this computer and run the builder with "--security-opt label=type:unconfined_t".',
  },
  unknownFlag: {
    message: 'This version of bootc-image-builder did not accept the command line it was given.',
    fix: 'Use a bootc-image-builder image that Bootstick supports, or update Bootstick. The detail names the option.',
  },
  unsupportedImageType: {
    message: 'This version of bootc-image-builder cannot build the chosen image type.',
    fix: 'Choose another output type, or use a newer bootc-image-builder image.',
  },
  configRejected: {
    message: 'bootc-image-builder refused the blueprint.',
    fix: 'Correct the setting named in the detail in the Blueprint step, then build again.',
  },
  missingRootfs: {
    message: 'The image does not say which filesystem its root partition should use.',
    fix: 'Choose a root filesystem (xfs, ext4 or btrfs) in the build options. Fedora images need this.',
  },
  osbuildFailed: {
    message: 'A step of the image build (osbuild) failed.',
    fix: 'The last lines of the build log, shown below, say which step and why. The full log has everything.',
  },
  bibFailed: {
    message: 'bootc-image-builder stopped with an error.',
    fix: "Read bootc-image-builder's own message below. The full log has the rest.",
  },
  podmanFailed: {
    message: 'Podman could not start the bootc-image-builder container.',
    fix: "Podman's own message is below. Check that podman works as root and that the folders Bootstick mounts exist.",
  },
  killed: {
    message: 'The build was killed from outside, most often because the computer ran out of memory.',
    fix: 'Close other programs or give the machine more memory (bootc-image-builder is tested with 8 GB), then build again.',
  },
  elevation: {
    message: 'Bootstick could not get the administrator rights a build needs.',
    fix: 'Approve the password prompt when it appears; it needs a running polkit agent.',
  },
  cancelled: {
    message: 'The build was cancelled.',
    fix: 'Start it again when you are ready.',
  },
  internal: {
    message: 'Bootstick ran into a problem of its own.',
    fix: 'Try again. If it happens again, report it with the build log.',
  },
};

/** A build error with its plain-language words filled in. */
export function describeBuildError(code: BuildErrorCode, detail: string | null = null): BuildError {
  const { message, fix } = BUILD_ERROR_TEXT[code];
  return { code, message, fix, detail: detail === '' ? null : detail };
}
