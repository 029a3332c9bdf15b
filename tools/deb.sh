#!/bin/bash
# Builds the Debian packages the way a distribution would, from the release tree, and checks them.
# Usage: tools/deb.sh BUILDDIR OUTDIR
#   BUILDDIR  a configured build tree (tools/build.sh): `make distdir` there gives the source
#   OUTDIR    receives the .deb files, the .changes and .buildinfo, build.log and lintian.txt
# Environment: DEB_CHECK=1 runs make check inside the package build (dh_auto_test); by default the
# build has DEB_BUILD_OPTIONS=nocheck and the nocheck profile, as the CI ran make check already.
# Prints the path of the busalias .deb on its last line.  Exit: 0 ok, 1 a check failed.
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:?usage: tools/deb.sh BUILDDIR OUTDIR}" && pwd)
out=${2:?usage: tools/deb.sh BUILDDIR OUTDIR}
mkdir -p "$out"
out=$(cd "$out" && pwd)
die() { echo "deb: error: $*" >&2; exit 1; }
for tool in dpkg-buildpackage dpkg-parsechangelog dh lintian; do
	command -v "$tool" >/dev/null || die "$tool not found (tools/deps.sh test installs it)"
done

# Nothing generated may be tracked: a configure leftover (confdefs.h) once was.
if git -C "$src" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	tracked=$(git -C "$src" ls-files -ci --exclude-standard)
	[ -z "$tracked" ] || die "tracked files that .gitignore says are generated: $tracked"
fi

version=$(sed -n 's/^PACKAGE_VERSION = //p' "$build/Makefile")
[ -n "$version" ] || die "no PACKAGE_VERSION in $build/Makefile"
deb_version=$(dpkg-parsechangelog -l "$src/debian/changelog" -S Version)
[ "${deb_version%-*}" = "$version" ] ||
	die "debian/changelog is at $deb_version, configure.ac at $version: add a changelog entry"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/busalias-deb.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
tree=$tmp/busalias-$version
# The release tree (what a packager starts from), plus debian/, which is not in the tarball.
make -s -C "$build" distdir distdir="$tree" top_distdir="$tree" >"$tmp/distdir.log" 2>&1 ||
	{ cat "$tmp/distdir.log"; die "make distdir failed"; }
cp -a "$src/debian" "$tree/debian"
rm -rf "$tree/debian/build" "$tree/debian/tmp"

opts=${DEB_BUILD_OPTIONS:-}
profiles=()
if [ -z "${DEB_CHECK:-}" ]; then
	opts="nocheck $opts"
	profiles=(-Pnocheck)
fi
jobs=$(nproc); [ "$jobs" -le 2 ] || jobs=2
echo "deb: dpkg-buildpackage -us -uc -b ${profiles[*]} (DEB_BUILD_OPTIONS=\"$opts parallel=$jobs\") in $tree"
if ! (cd "$tree" && DEB_BUILD_OPTIONS="$opts parallel=$jobs" \
	dpkg-buildpackage -us -uc -b "${profiles[@]}" >"$tmp/build.log" 2>&1); then
	tail -n 80 "$tmp/build.log"
	die "dpkg-buildpackage failed (log: the 80 lines above)"
fi
cp "$tmp/build.log" "$out/build.log"
# dh_auto_test's make check, when it ran
grep -E '^# (TOTAL|PASS|SKIP|FAIL|ERROR):' "$tmp/build.log" | sed 's/^/deb: make check /' || true
arch=$(dpkg-architecture -qDEB_HOST_ARCH)
changes=$tmp/busalias_${deb_version}_$arch.changes
[ -f "$changes" ] || die "no $changes"
for f in "$tmp"/*.deb "$tmp"/*.changes "$tmp"/*.buildinfo; do cp "$f" "$out/"; done
deb=$out/busalias_${deb_version}_$arch.deb
dev=$out/busalias-plugin-dev_${deb_version}_$arch.deb

# What each package holds.
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
check_contents() {  # deb path...
	local deb=$1 f missing=0
	shift
	dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./|/|' >"$tmp/contents"
	for f in "$@"; do
		grep -qxF "$f" "$tmp/contents" || { echo "deb: ${deb##*/} lacks $f" >&2; missing=1; }
	done
	return $missing
}
check_contents "$deb" /usr/bin/busalias \
	/usr/lib/"$multiarch"/busalias/plugins/{pci,platform,acpi}.so \
	/usr/share/man/man1/busalias.1.gz /usr/share/man/man5/busalias.conf.5.gz \
	/usr/share/doc/busalias/{README.md,vfio-guide.md,copyright,changelog.Debian.gz} \
	/usr/share/doc/busalias/examples/busalias.conf.example || die "busalias package incomplete"
check_contents "$dev" /usr/include/busalias/plugin.h /usr/lib/"$multiarch"/pkgconfig/busalias-plugin.pc \
	/usr/share/doc/busalias-plugin-dev/{writing-plugins.md,examples/plugin-virtio/virtio.c,examples/plugin-virtio/Makefile} ||
	die "busalias-plugin-dev package incomplete"
if grep -q '\.la$' "$tmp/contents"; then die "a libtool .la file is packaged"; fi

# The packaged binary runs, knows its plugin directory, and the SDK builds the example plugin.
x=$tmp/x
dpkg-deb -x "$deb" "$x"
dpkg-deb -x "$dev" "$x"
"$x/usr/bin/busalias" version >"$tmp/version" || die "the packaged busalias does not run"
grep -qx "busalias $version (plugin ABI [0-9]*\.[0-9]*)" "$tmp/version" || die "version: $(cat "$tmp/version")"
grep -qF "/usr/lib/$multiarch/busalias/plugins" <("$x/usr/bin/busalias" gen --help) ||
	die "the packaged busalias's default plugin directory is not /usr/lib/$multiarch/busalias/plugins"
pcdir=$x/usr/lib/$multiarch/pkgconfig
[ "$(PKG_CONFIG_PATH=$pcdir pkg-config --variable=plugindir busalias-plugin)" = "/usr/lib/$multiarch/busalias/plugins" ] ||
	die "busalias-plugin.pc: plugindir is $(PKG_CONFIG_PATH=$pcdir pkg-config --variable=plugindir busalias-plugin)"
cp -r "$x/usr/share/doc/busalias-plugin-dev/examples/plugin-virtio" "$tmp/ex"
PKG_CONFIG="pkg-config --define-variable=prefix=$x/usr" PKG_CONFIG_PATH=$pcdir make -s -C "$tmp/ex" >"$tmp/ex.log" 2>&1 ||
	{ cat "$tmp/ex.log"; die "the packaged example plugin does not build against the packaged SDK"; }
# The packaged bus plugins and the example: the stock virtio plugin would claim the example's table
# type, so the example is added to a directory of the three bus plugins only.
mkdir "$tmp/bus"
cp "$x/usr/lib/$multiarch/busalias/plugins/"{pci,platform,acpi}.so "$tmp/bus/"
"$x/usr/bin/busalias" --config=/dev/null plugins --plugin-dir "$tmp/bus" \
	--add-plugin-dir "$tmp/ex" >"$tmp/plugins" || die "plugins: $(cat "$tmp/plugins")"
[ "$(grep -vc '^#' "$tmp/plugins")" -eq 4 ] || die "plugins: $(cat "$tmp/plugins")"
# Every table type ships: one plugin file per plugin directory of the tree.
n_pkg=$(find "$x/usr/lib/$multiarch/busalias/plugins" -name '*.so' | wc -l)
n_src=$(find "$src/plugins" -mindepth 1 -maxdepth 1 -type d | wc -l)
[ "$n_pkg" -eq "$n_src" ] || die "the package has $n_pkg plugins, the tree $n_src"

# lintian: no error; the rest is listed.
lrc=0
lintian --fail-on error --display-info "$changes" >"$out/lintian.txt" 2>&1 || lrc=$?
for t in E W I; do
	printf 'deb: lintian %s: %s\n' "$t" "$(grep -c "^$t: " "$out/lintian.txt" || true)"
done
sed 's/^/deb:   /' "$out/lintian.txt"
[ "$lrc" -eq 0 ] || die "lintian reports errors"
echo "deb: $(cd "$out" && ls ./*.deb | tr '\n' ' ')"
echo "$deb"
