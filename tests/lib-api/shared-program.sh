#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# busalias-shared is the busalias program's sources linked against libbusalias.so instead of the
# library's objects: that it linked at all shows the commands call only what the library exports.
# Here it must also behave as busalias does: the same output and exit status for gen, match, plugins,
# version and a bad command.
set -u
[ -n "${SRCDIR:-}" ] || . ./tests/lib-api/env.sh || { echo "run through make check" >&2; exit 99; }
shared=${BUSALIAS%/busalias}/busalias-shared
[ -x "$shared" ] || { echo "FAIL: $shared not built" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/busalias-shared.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
failures=0 checks=0
printf 'alias pci:v00008086d000010D3sv*sd*bc*sc*i* e1000e\nalias vfio_pci:v*d*sv*sd*bc*sc*i* vfio_pci\n' >"$tmp/modules.alias"

same() {  # args... : both programs, same stdout, stderr and exit status
	local rc1 rc2
	"$BUSALIAS" --config /dev/null "$@" >"$tmp/out1" 2>"$tmp/err1"; rc1=$?
	"$shared" --config /dev/null "$@" >"$tmp/out2" 2>"$tmp/err2"; rc2=$?
	checks=$((checks + 1))
	if [ "$rc1" != "$rc2" ] || ! cmp -s "$tmp/out1" "$tmp/out2" || ! cmp -s "$tmp/err1" "$tmp/err2"; then
		echo "FAIL: busalias $* differs: exit $rc1 vs $rc2" >&2
		diff "$tmp/out1" "$tmp/out2" | head -5 >&2
		diff "$tmp/err1" "$tmp/err2" | head -5 >&2
		failures=$((failures + 1))
	fi
}
same version
same gen --plugin-dir "$PLUGIN_DIR" "$SAMPLES"
same gen --json --plugin-dir "$PLUGIN_DIR" "$SAMPLES"
same match --alias-file "$tmp/modules.alias" pci:v00008086d000010D3sv00008086sd0000A01Fbc02sc00i00
same match --alias-file "$tmp/modules.alias" --prefix "" pci:v00008086d000010D3sv00008086sd0000A01Fbc02sc00i00
same plugins --plugin-dir "$PLUGIN_DIR"
same no-such-command
# The shared one really uses the shared library (not a static copy of it).
checks=$((checks + 1))
if command -v ldd >/dev/null 2>&1 && [ -x "${BUSALIAS%/busalias}/.libs/busalias-shared" ]; then
	LD_LIBRARY_PATH=$LIBDIR ldd "${BUSALIAS%/busalias}/.libs/busalias-shared" | grep -q 'libbusalias\.so\.1' ||
		{ echo "FAIL: busalias-shared does not load libbusalias.so.1" >&2; failures=$((failures + 1)); }
fi
echo "$checks checks, $failures failures"
[ "$failures" -eq 0 ]
