#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# The plugin SDK as a third party uses it: build examples/plugin-virtio with nothing but the
# SDK's compiler flags, load it beside the stock plugins, and check that the loader refuses
# plugins of another ABI with a message naming the file.
#
# Under `make check` the paths come from tests/sdk/env.sh (uninstalled tree); `make installcheck`
# passes BUSALIAS, PLUGIN_DIR and SDK_CFLAGS (from the installed pkg-config file) itself.
set -u
[ -n "${BUSALIAS:-}" ] || . ./tests/sdk/env.sh || { echo "run through make check" >&2; exit 99; }
: "${CC:=cc}"
export BUSALIAS_NO_DLCLOSE=1
TMP=$(mktemp -d "${TMPDIR:-/tmp}/busalias-sdk.XXXXXX") || exit 99
trap 'rm -rf "$TMP"' EXIT
checks=0 failures=0
ok() { checks=$((checks + 1)); }
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

build() {  # out.so src.c [cflags...]
	local out=$1 src=$2; shift 2
	# shellcheck disable=SC2086 # SDK_CFLAGS is a list of flags
	$CC -O2 -Wall -Wextra -Werror $SDK_CFLAGS "$@" -shared -o "$out" "$src" || { fail "cannot build $src"; return 1; }
}
plugin_dir() {  # dir extra.so... : the stock plugins plus the extras
	mkdir -p "$1"
	local d=$1; shift
	for p in "$PLUGIN_DIR"/*.so "$@"; do ln -sf "$p" "$d/"; done
}
# The stock plugins but the in-tree virtio one, which declares the table type the example does: the
# loader keeps one plugin per table type, so the example is loaded against a directory without it.
stock_but_virtio() {  # dir extra.so...
	plugin_dir "$1"
	rm -f "$1/virtio.so"
	local p; for p in "${@:2}"; do ln -sf "$p" "$1/"; done
}
gen() {  # plugin-dir args...
	local d=$1; shift
	"$BUSALIAS" --config=/dev/null gen --plugin-dir "$d" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
}

# 1. The example plugin, built from the SDK alone, exports only its descriptor.
build "$TMP/virtio.so" "$SRCDIR/examples/plugin-virtio/virtio.c" || exit 1
exported=$(nm -D --defined-only "$TMP/virtio.so" | awk '$2 ~ /[A-Z]/ {print $3}' | sort | tr '\n' ' ')
[ "$exported" = "busalias_plugin " ] && ok || fail "virtio.so exports '$exported', expected only busalias_plugin"

# 2. Loaded beside the stock plugins (but the in-tree virtio), it turns a (6.18-style, local) virtio
# table into aliases.
stock_but_virtio "$TMP/p1" "$TMP/virtio.so"
gen "$TMP/p1" "$SAMPLES/sample-virtio.ko" "$SAMPLES/sample-pci.ko"
[ "$rc" -eq 0 ] && ok || { fail "gen with the example plugin: exit $rc"; cat "$TMP/err" >&2; }
cat >"$TMP/want" <<'WANT'
alias pci:v00008086d0000100Esv*sd*bc*sc*i* sample_pci
alias vfio_pci:v000015B3d00001021sv*sd*bc*sc*i* sample_pci
alias pci:v*d*sv*sd*bc0Csc03i30* sample_pci
alias pci:v00001AF4d*sv00001AF4sd00000001bc02sc00i* sample_pci
alias virtio:d00000001v* sample_virtio
alias virtio:d00001AF4v00001AF4* sample_virtio
WANT
diff -u "$TMP/want" "$TMP/out" >&2 && ok || fail "aliases with the example plugin"

# 3. Without it (and without the in-tree virtio), the virtio table is simply not known: no alias, no warning.
stock_but_virtio "$TMP/p0"
gen "$TMP/p0" "$SAMPLES/sample-virtio.ko"
[ "$rc" -eq 0 ] && [ ! -s "$TMP/out" ] && [ ! -s "$TMP/err" ] && ok || fail "unknown table type: exit $rc, $(cat "$TMP/out" "$TMP/err")"

# 4. Plugins of another ABI are refused, by file name; the others still work; exit 3.
major=$(sed -n 's/^#define BUSALIAS_ABI_MAJOR \([0-9]*\)$/\1/p' "$SDK_HEADER")
minor=$(sed -n 's/^#define BUSALIAS_ABI_MINOR \([0-9]*\)$/\1/p' "$SDK_HEADER")
build "$TMP/next-major.so" "$SRCDIR/tests/sdk/abi-mismatch.c" -DABI_MAJOR=$((major + 1)) -DABI_MINOR=0
build "$TMP/newer-minor.so" "$SRCDIR/tests/sdk/abi-mismatch.c" -DABI_MAJOR="$major" -DABI_MINOR=$((minor + 1))
build "$TMP/prev-major.so" "$SRCDIR/tests/sdk/abi-mismatch.c" -DABI_MAJOR=$((major - 1)) -DABI_MINOR=0
build "$TMP/not-a-plugin.so" "$SRCDIR/tests/sdk/not-a-plugin.c"
plugin_dir "$TMP/p2" "$TMP/next-major.so" "$TMP/newer-minor.so" "$TMP/prev-major.so" "$TMP/not-a-plugin.so"
gen "$TMP/p2" "$SAMPLES/sample-pci.ko"
[ "$rc" -eq 3 ] && ok || fail "refused plugins: exit $rc, expected 3"
grep -qF "$TMP/p2/next-major.so: refusing plugin: plugin ABI $((major + 1)).0, this busalias speaks $major.x" "$TMP/err" &&
	ok || fail "next major: $(cat "$TMP/err")"
grep -qF "$TMP/p2/newer-minor.so: refusing plugin: plugin ABI $major.$((minor + 1)) is newer than this busalias ($major.$minor)" "$TMP/err" &&
	ok || fail "newer minor: $(cat "$TMP/err")"
grep -qF "$TMP/p2/prev-major.so: refusing plugin: plugin ABI $((major - 1)).0, this busalias speaks $major.x" "$TMP/err" &&
	ok || fail "previous major: $(cat "$TMP/err")"
grep -qF "$TMP/p2/not-a-plugin.so: not a busalias plugin (no busalias_plugin symbol)" "$TMP/err" &&
	ok || fail "not a plugin: $(cat "$TMP/err")"
[ "$(grep -c . "$TMP/err")" -eq 4 ] && ok || fail "one line per refused plugin expected: $(cat "$TMP/err")"
grep -qF "alias pci:v00008086d0000100Esv*sd*bc*sc*i* sample_pci" "$TMP/out" && ok || fail "stock plugins unused after a refusal"

# 5. Nothing usable at all: a usage/configuration error.
mkdir "$TMP/p3" && ln -s "$TMP/next-major.so" "$TMP/p3/"
gen "$TMP/p3" "$SAMPLES/sample-pci.ko"
[ "$rc" -eq 2 ] && ok || fail "only refused plugins: exit $rc, expected 2"

# 6. Installed (make installcheck, so distcheck): the guides, README and examples in the docdir; the
#    example plugin built there with its own Makefile and the installed pkg-config file; the man
#    pages with the version; the default plugin directory is the installed one.
if [ -n "${INSTALLED_DOC_DIR:-}" ]; then
	for f in README.md vfio-guide.md writing-plugins.md examples/busalias.conf.example \
		examples/plugin-virtio/virtio.c examples/plugin-virtio/Makefile; do
		[ -s "$INSTALLED_DOC_DIR/$f" ] && ok || fail "not installed: $INSTALLED_DOC_DIR/$f"
	done
	cp -r "$INSTALLED_DOC_DIR/examples/plugin-virtio" "$TMP/ex"
	if PKG_CONFIG="pkg-config --define-prefix" PKG_CONFIG_PATH="$INSTALLED_PKG_CONFIG_PATH" \
		make -s -C "$TMP/ex" CC="$CC" >"$TMP/ex.log" 2>&1; then
		ok
		plugin_dir "$TMP/p4" "$TMP/ex/virtio.so"
		gen "$TMP/p4" "$SAMPLES/sample-virtio.ko"
		grep -qF "alias virtio:d00000001v* sample_virtio" "$TMP/out" && ok ||
			fail "the installed example plugin: $(cat "$TMP/out" "$TMP/err")"
	else
		fail "the installed example plugin does not build with its Makefile: $(cat "$TMP/ex.log")"
	fi
	for page in man1/busalias.1 man5/busalias.conf.5; do
		grep -q "^\.TH .*\"busalias $PACKAGE_VERSION\"" "$INSTALLED_MAN_DIR/$page" && ok ||
			fail "$page: no version in the footer: $(grep '^\.TH' "$INSTALLED_MAN_DIR/$page")"
	done
	# Without --plugin-dir (or a configuration), the installed plugins are found.
	if [ "$PLUGIN_DIR" = "$DEFAULT_PLUGIN_DIR" ]; then
		"$BUSALIAS" --config=/dev/null plugins >"$TMP/out" 2>"$TMP/err"
		rc=$?
		n_installed=$(find "$DEFAULT_PLUGIN_DIR" -name '*.so' | wc -l)
		[ "$rc" -eq 0 ] && [ "$n_installed" -gt 3 ] &&
			[ "$(grep -c "	$DEFAULT_PLUGIN_DIR/[a-z0-9_-]*\.so$" "$TMP/out")" -eq "$n_installed" ] && ok ||
			fail "plugins from the default directory: exit $rc: $(cat "$TMP/out" "$TMP/err")"
	fi
fi

echo "$checks checks passed, $failures failed"
[ "$failures" -eq 0 ]
