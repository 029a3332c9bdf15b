#!/bin/bash
# Installs the Debian packages busalias needs to build and test, if any are missing.
# Usage: tools/deps.sh [build|test]   (test also pulls in QEMU and the e2e tooling)
set -euo pipefail
what=${1:-test}
pkgs=(build-essential autoconf automake libtool pkg-config libelf-dev libinih-dev zlib1g-dev liblzma-dev
      libzstd-dev kmod binutils xz-utils zstd gzip)
if [ "$what" = test ]; then
	pkgs+=(libcriterion-dev valgrind cpio busybox-static qemu-system-x86 dpkg-dev python3 binutils-multiarch
	      gcc-m68k-linux-gnu gcc-i686-linux-gnu gcc-powerpc-linux-gnu clang libclang-rt-14-dev
	      abigail-tools)
fi
# tools/deb.sh (CI step "debian package"): dpkg-buildpackage with dh and autoreconf, lintian.
if [ "$what" = test ]; then pkgs+=(debhelper lintian); fi
missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
echo "deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
