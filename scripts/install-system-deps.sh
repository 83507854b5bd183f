#!/usr/bin/env bash
# Installs the Debian packages Bootstick's tests need on a fresh Debian 12 host (run as root).
#   util-linux  lsblk (drivelist reads it), losetup (loop devices for tests), setpriv (QEMU dies with its parent)
#   e2fsprogs   mkfs.ext4: filesystems on test loop devices
#   chromium    the browser the end-to-end tests drive through playwright-core
#   fonts-noto-cjk  Korean glyphs for the Korean screenshots
#   xfsprogs    mkfs.xfs: the xfs root partition of the sparse GPT test image
#   dosfstools  mkfs.vfat: the EFI System partition of the sparse GPT test image
#   mtools      mcopy/mdir: files into/out of a vfat partition without mounting (this host's kernel has no vfat)
#   gdisk       sgdisk: the GPT partition table of the test images
#   fdisk       sfdisk: reading partition tables back in tests
#   xorriso     ISO 9660 test images (xorriso -as mkisofs)
#   xz-utils    xz: .xz-compressed test images
#   gzip        gzip: .gz-compressed test images
#   bzip2       bzip2: .bz2-compressed test images
#   zip         zip: .zip-wrapped test images
#   unzip       unzip -p: tests read .zip-wrapped images back
#   bmap-tools  bmaptool: the baseline the write benchmark compares against
#   pkexec      how the app gets root for its helper; tests run it for real as an unprivileged user
#   polkitd     the polkit daemon pkexec asks; the real-pkexec tests start it on a private system bus
#   dbus        the system bus polkitd and pkexec talk over (dbus-daemon, dbus-send)
#   python3     the ptrace probe of the helper-confinement tests (ctypes)
#   podman      rootful podman runs the bootc-image-builder stand-in and builds the test source images
#   runc        the OCI runtime podman uses here (crun fails on this host; tests/fixtures/podman/containers.conf)
#   busybox-static  the static busybox the test container images are built from (no registry is reachable)
#   docker-registry  a real OCI registry (Docker Distribution) the update tests start on 127.0.0.1
#   skopeo      reads manifests and configs from root's storage and registries (what hosts will download)
#   openssl     a self-signed certificate for the registry TLS-refusal test
#   qemu-system-x86  qemu-system-x86_64: boot tests of images and drives (TCG here; KVM where it works)
#   ovmf        UEFI firmware for QEMU, found through its descriptors in /usr/share/qemu/firmware
#   qemu-system-arm  qemu-system-aarch64: boot tests of arm64-only images and drives (always TCG on x86-64)
#   qemu-efi-aarch64  arm64 UEFI firmware (AAVMF), found through its descriptors in /usr/share/qemu/firmware
#               (the arm64 boot fixture's Debian parts are fetched by the tests with an apt of their own:
#               tests/support/arm64Parts.ts; this host's apt gets no arm64 architecture)
#   qemu-utils  qemu-img: the boot tests make qcow2 images of their fixture (one with a backing file, refused)
#   systemd-boot-efi  linuxx64.efi.stub: the boot-test fixture's unified kernel image (built by the tests)
#   binutils    objcopy: joins stub, kernel, initramfs and command line into that image
#   dropbear-bin  the SSH server inside the boot-test fixture (copied into its initramfs with its libraries)
#   openssh-client  ssh, ssh-agent, ssh-keygen: the SSH login check as the blueprint user, and its test agent
#   xvfb        a display for the Electron launch test where there is no screen (it runs where Electron's binary is installed)
set -euo pipefail

PACKAGES=(util-linux e2fsprogs chromium fonts-noto-cjk xfsprogs dosfstools mtools gdisk fdisk xorriso xz-utils gzip bzip2 zip
  unzip bmap-tools pkexec polkitd dbus python3 podman runc busybox-static xvfb docker-registry skopeo openssl
  qemu-system-x86 ovmf qemu-system-arm qemu-efi-aarch64 qemu-utils systemd-boot-efi binutils dropbear-bin openssh-client)

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present (${PACKAGES[*]})"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-system-deps: run as root (sudo $0) to install: ${missing[*]}" >&2
  exit 1
fi

echo "system packages: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
