#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# libbusalias's ABI against the stored baseline (libabigail; Debian package abigail-tools).
#   check-abi.sh check  LIB BASELINE   abidiff: any difference fails, incompatible or not
#   check-abi.sh update LIB BASELINE   abidw: write the baseline from LIB (make update-abi)
# The baseline is what released versions export.  Changing it is a decision, made by running
# `make update-abi` and committing tests/abi/libbusalias.abi with the change that needs it:
# additions only (new symbols in a new version node of core/libbusalias.sym, -version-info's
# current and age raised); never a removed symbol or a changed type of LIBBUSALIAS_1.
set -u
mode=$1 lib=$2 baseline=$3
for tool in abidw abidiff; do
	command -v "$tool" >/dev/null || { echo "check-abi: $tool not found (Debian: apt-get install abigail-tools)" >&2; exit 77; }
done
# Source paths in the dump depend on where the tree was built: stored relative.  Only the types the
# public headers define are the ABI: the opaque ones (struct ba_ctx, ba_module, ...) are declared
# there and defined inside the library, which may change them at will (--drop-private-types).
srcdir=$(cd "$(dirname "$0")/../.." && pwd)
dump() {
	abidw --headers-dir "$srcdir/include/busalias" --drop-private-types --drop-undefined-syms --no-show-locs \
		--no-comp-dir-path --no-corpus-path "$lib" | sed "s|$srcdir/||g"
}
case $mode in
update)
	dump >"$baseline.tmp" && mv "$baseline.tmp" "$baseline" && echo "check-abi: wrote $baseline" ;;
check)
	tmp=$(mktemp "${TMPDIR:-/tmp}/libbusalias.XXXXXX.abi") || exit 99
	trap 'rm -f "$tmp"' EXIT
	dump >"$tmp" || exit 99
	abidiff "$baseline" "$tmp"
	rc=$?
	if [ $rc -eq 0 ]; then
		echo "check-abi: $lib matches $baseline"
	else
		# abidiff's status is a bit set: 4 an ABI change, 8 an incompatible one, 1/2 its own error.
		[ $((rc & 8)) -ne 0 ] && echo "check-abi: INCOMPATIBLE change of libbusalias's ABI (see above)" >&2
		[ $((rc & 12)) -eq 4 ] && echo "check-abi: the ABI changed compatibly; if intended, run 'make update-abi' and commit $baseline" >&2
		[ $((rc & 3)) -ne 0 ] && echo "check-abi: abidiff failed (status $rc)" >&2
	fi
	exit $rc ;;
*)
	echo "usage: check-abi.sh check|update LIB BASELINE" >&2; exit 2 ;;
esac
