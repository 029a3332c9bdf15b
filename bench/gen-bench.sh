#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Generation benchmark over a real module tree (the current Debian amd64
# kernel image, fetched with tests/lib/debian-kernel.sh, or MODDIR):
#   busalias  busalias gen over the whole tree, to /dev/null
#   depmod    depmod -b on a scratch symlink farm of the tree (never /lib/modules)
#   minscan   bench/minscan: libelf open + symtab walk + table-symbol match only
#   busalias -j1  the same on one thread, for the single-threaded comparison
# Page cache warmed first; the best (minimum) of RUNS (default 9) runs of each
# is reported, as wall and as CPU (user + sys) time, with the ratios busalias/minscan (goal <= 1.3) and depmod/busalias
# (goal >= 5).
#
# Environment: BUSALIAS, PLUGIN_DIR, MINSCAN (required); MODDIR (module tree,
# default: fetched), BUSALIAS_TEST_CACHE, RUNS, DEPMOD (default depmod).
set -euo pipefail

: "${BUSALIAS:?set BUSALIAS to the busalias binary}"
: "${PLUGIN_DIR:?set PLUGIN_DIR to the plugin directory}"
: "${MINSCAN:?set MINSCAN to bench/minscan}"
CACHE=${BUSALIAS_TEST_CACHE:-/var/cache/busalias-test}
RUNS=${RUNS:-9}
DEPMOD=${DEPMOD:-$(command -v depmod || echo /sbin/depmod)}

log() { printf 'bench: %s\n' "$*" >&2; }
die() { printf 'bench: error: %s\n' "$*" >&2; exit 2; }
# shellcheck source=tests/lib/debian-kernel.sh
. "$(dirname "$0")/../tests/lib/debian-kernel.sh"

bench_moddir
[ -x "$DEPMOD" ] || die "depmod not found (install kmod)"

# depmod writes modules.* into <base>/lib/modules/<abi>: give it a farm of
# symlinks to the tree's top-level entries, never the tree itself.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/busalias-bench.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
depmod_farm "$scratch" "$abi" "$moddir"
farm=$scratch/lib/modules/$abi

n_ko=$(find "$moddir" -name '*.ko*' | wc -l)
log "tree $moddir: $n_ko modules; warming the page cache"
find "$moddir" -type f -name '*.ko*' -print0 | xargs -0 cat >/dev/null

# "wall cpu": the best of RUNS runs of "$@" in seconds (cpu = user + sys), or
# FAIL.  Best rather than median, and CPU time next to wall time, because
# other work on a shared machine only ever adds time.
bench() {
	local i out
	out=$(for ((i = 0; i < RUNS; i++)); do
		{ TIMEFORMAT='%R %U %S'; time "$@" >/dev/null 2>&1 || echo FAIL >&2; } 2>&1
	done) || true
	case $out in *FAIL*) echo FAIL; return ;; esac
	printf '%s\n' "$out" | awk '{ w = $1; c = $2 + $3 }
		NR == 1 || w < bw { bw = w } NR == 1 || c < bc { bc = c }
		END { printf "%.4f %.4f\n", bw, bc }'
}

# One untimed run each, which also checks that they work.
"$BUSALIAS" gen --plugin-dir "$PLUGIN_DIR" "$moddir" >"$scratch/gen.out" 2>"$scratch/gen.err" ||
	log "busalias gen exited $? ($(wc -l <"$scratch/gen.err") lines on stderr)"
"$DEPMOD" -b "$scratch" "$abi" >/dev/null 2>&1 || die "depmod -b $scratch $abi failed"
[ -s "$farm/modules.alias" ] || die "depmod wrote no modules.alias"
ms=$("$MINSCAN" "$moddir") || die "minscan failed"
log "busalias: $(wc -l <"$scratch/gen.out") aliases; minscan: $ms"

log "timing, best of $RUNS runs each"
t_ba=$(bench "$BUSALIAS" gen --plugin-dir "$PLUGIN_DIR" "$moddir")
# The same with one thread: minscan and depmod are single-threaded.
t_b1=$(bench "$BUSALIAS" gen -j1 --plugin-dir "$PLUGIN_DIR" "$moddir")
t_ms=$(bench "$MINSCAN" "$moddir")
t_dm=$(bench "$DEPMOD" -b "$scratch" "$abi")
case "$t_ba$t_b1$t_ms$t_dm" in *FAIL*) die "a timed run failed (busalias $t_ba, minscan $t_ms, depmod $t_dm)" ;; esac

awk -v ba="$t_ba" -v b1="$t_b1" -v ms="$t_ms" -v dm="$t_dm" -v n="$n_ko" -v runs="$RUNS" '
BEGIN {
	split(ba, b, " "); split(b1, s, " "); split(ms, m, " "); split(dm, d, " ")
	printf "modules: %d; best of %d runs            wall       cpu\n", n, runs
	printf "  busalias gen                      %7.3f s  %7.3f s\n", b[1], b[2]
	printf "  busalias gen -j1 (one thread)     %7.3f s  %7.3f s\n", s[1], s[2]
	printf "  minscan (libelf scan only)        %7.3f s  %7.3f s\n", m[1], m[2]
	printf "  depmod -b                         %7.3f s  %7.3f s\n", d[1], d[2]
	r1 = b[1] / m[1]; r2 = d[1] / b[1]
	printf "  busalias/minscan                  %7.2fx   %7.2fx  (goal <= 1.30 wall: %s)\n", r1, (m[2] > 0 ? b[2] / m[2] : 0), ((r1 <= 1.3) ? "met" : "MISSED")
	printf "  busalias -j1/minscan              %7.2fx   %7.2fx\n", s[1] / m[1], (m[2] > 0 ? s[2] / m[2] : 0)
	printf "  depmod/busalias                   %7.2fx   %7.2fx  (goal >= 5.00 wall: %s)\n", r2, (b[2] > 0 ? d[2] / b[2] : 0), ((r2 >= 5) ? "met" : "MISSED")
}'
