#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# examples/consumer as a third party builds it: its compiler and linker flags from busalias.pc only.
# It must pick the module `busalias match` picks and list the aliases `busalias gen` prints.
#
# Under `make check` the paths come from tests/lib-api/env.sh (uninstalled tree); `make installcheck`
# passes BUSALIAS, PLUGIN_DIR, CONSUMER_CFLAGS/LIBS (from the installed busalias.pc) and LIBDIR itself.
set -u
[ -n "${BUSALIAS:-}" ] || . ./tests/lib-api/env.sh || { echo "run through make check" >&2; exit 99; }
: "${CC:=cc}"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/busalias-consumer.XXXXXX") || exit 99
trap 'rm -rf "$TMP"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# shellcheck disable=SC2086 # flag lists
$CC -O2 -Wall -Wextra -Werror $CONSUMER_CFLAGS -o "$TMP/consumer" "$SRCDIR/examples/consumer/consumer.c" \
	$CONSUMER_LIBS || { echo "FAIL: cannot build examples/consumer" >&2; exit 1; }
export LD_LIBRARY_PATH=$LIBDIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
ldd "$TMP/consumer" | grep -q "libbusalias.so.1 => $LIBDIR/" || fail "consumer does not load $LIBDIR/libbusalias.so.1: $(ldd "$TMP/consumer" | grep busalias)"

cat >"$TMP/modules.alias" <<'ALIASES'
alias vfio_pci:v*d*sv*sd*bc*sc*i* vfio_pci
alias vfio_pci:v00008086d000010D3sv*sd*bc*sc*i* e1000e_vfio
alias vfio_pci:v00008086d*sv*sd*bc*sc*i* intel_vfio
ALIASES
alias=vfio_pci:v00008086d000010D3sv00008086sd0000A01Fbc02sc00i00
out=$("$TMP/consumer" -p "$PLUGIN_DIR" "$TMP/modules.alias" "$alias" "$SAMPLES/sample-pci.ko" 2>"$TMP/err")
rc=$?
[ "$rc" = 0 ] || fail "consumer exited $rc: $(cat "$TMP/err")"
want=$("$BUSALIAS" --config=/dev/null match --prefix= --alias-file "$TMP/modules.alias" "$alias")
[ "$(echo "$out" | head -1)" = "best: $want (pattern vfio_pci:v00008086d000010D3sv*sd*bc*sc*i*, 5 stars)" ] ||
	fail "best match: got '$(echo "$out" | head -1)', busalias match says '$want'"
gen=$("$BUSALIAS" --config=/dev/null gen --plugin-dir "$PLUGIN_DIR" "$SAMPLES/sample-pci.ko")
[ "$(echo "$out" | tail -n +2)" = "$gen" ] || fail "aliases differ from busalias gen: $(diff <(echo "$out" | tail -n +2) <(echo "$gen"))"
[ -n "$gen" ] || fail "busalias gen printed no alias for sample-pci.ko"

out=$("$TMP/consumer" -p "$PLUGIN_DIR" "$TMP/no-such.alias" "$alias" 2>&1)
rc=$?
[ "$rc" = 1 ] && [ "$out" = "busalias: error: $TMP/no-such.alias: cannot read modules.alias: No such file or directory" ] ||
	fail "missing modules.alias: rc $rc, '$out'"

[ "$failures" = 0 ] && echo "consumer: all checks passed"
exit $((failures > 0))
