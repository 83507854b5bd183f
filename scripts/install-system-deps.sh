#!/usr/bin/env bash
# Installs the Debian packages Bootstick's tests need on a fresh Debian 12 host (run as root).
#   util-linux  lsblk (drivelist reads it) and losetup (loop devices for tests)
#   e2fsprogs   mkfs.ext4: filesystems on test loop devices
#   chromium    the browser the end-to-end tests drive through playwright-core
#   fonts-noto-cjk  Korean glyphs for the Korean screenshots
set -euo pipefail

PACKAGES=(util-linux e2fsprogs chromium fonts-noto-cjk)

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
