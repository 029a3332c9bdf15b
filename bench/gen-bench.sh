#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Generation benchmark over a real module tree (the current Debian amd64
# kernel image, fetched with tests/lib/debian-kernel.sh, or MODDIR), all
# table types, every figure against a baseline timed in the same run:
#   busalias gen -jN   / minscan -jN   the bare libelf scan (open, symbol table walk,
#                                      table-symbol match) with the SAME number of
#                                      threads (goal <= 1.3); and both with one thread
#   depmod -b -a VER   / busalias gen  depmod on a scratch symlink farm of the tree,
#                                      never /lib/modules (goal >= 8)
#   busalias gen -jN over a .ko.xz tree / a parallel xz decode of the same files,
#                                      xargs -P N xz -dc >/dev/null (goal <= 1.2)
# The .ko.xz tree is XZ_MODDIR, or else a copy of the tree recompressed as the
# kernel does (xz --check=crc32 --lzma2=dict=1MiB), made once into the cache.
# Page cache warmed first; the best (minimum) of RUNS runs of each is reported,
# as wall and as CPU (user + sys) time: other work on a shared machine only ever
# adds time.
#
# Environment: BUSALIAS, PLUGIN_DIR, MINSCAN (required); MODDIR (module tree,
# default: fetched), XZ_MODDIR, BUSALIAS_TEST_CACHE, RUNS (default 7),
# DEPMOD_RUNS (default 3), JOBS (threads, default nproc), DEPMOD.
set -euo pipefail

: "${BUSALIAS:?set BUSALIAS to the busalias binary}"
: "${PLUGIN_DIR:?set PLUGIN_DIR to the plugin directory}"
: "${MINSCAN:?set MINSCAN to bench/minscan}"
CACHE=${BUSALIAS_TEST_CACHE:-/var/cache/busalias-test}
RUNS=${RUNS:-7}
DEPMOD_RUNS=${DEPMOD_RUNS:-3}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
DEPMOD=${DEPMOD:-$(command -v depmod || echo /sbin/depmod)}

log() { printf 'bench: %s\n' "$*" >&2; }
die() { printf 'bench: error: %s\n' "$*" >&2; exit 2; }
# shellcheck source=tests/lib/debian-kernel.sh
. "$(dirname "$0")/../tests/lib/debian-kernel.sh"

bench_moddir
[ -x "$DEPMOD" ] || die "depmod not found (install kmod)"
command -v xz >/dev/null || die "xz not found (install xz-utils)"

# depmod writes modules.* into <base>/lib/modules/<abi>: give it a farm of
# symlinks to the tree's top-level entries, never the tree itself.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/busalias-bench.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
depmod_farm "$scratch" "$abi" "$moddir"

# The .ko.xz tree: given, or this tree's modules recompressed once into the cache.
if [ -n "${XZ_MODDIR:-}" ]; then
	xzdir=$XZ_MODDIR
else
	xzdir=$CACHE/unpacked/xz-$(printf '%s' "$moddir" | cksum | cut -d' ' -f1)-$abi
	if [ ! -e "$xzdir/.complete" ]; then
		log "recompressing $moddir into $xzdir with xz ($JOBS jobs, once)"
		rm -rf "$xzdir"
		# xargs runs in the module tree too: the names find prints are relative to it.
		(cd "$moddir" && find . -type f -name '*.ko' -print0 |
			XZDIR=$xzdir xargs -0 -P "$JOBS" -n 64 bash -c '
				for f; do
					mkdir -p "$XZDIR/${f%/*}" &&
					xz -c --check=crc32 --lzma2=dict=1MiB "$f" >"$XZDIR/$f.xz" || exit 255
				done' _) ||
			die "xz recompression failed"
		touch "$xzdir/.complete"
	fi
fi
[ -d "$xzdir" ] || die "$xzdir: no such directory"

n_ko=$(find "$moddir" -name '*.ko*' | wc -l)
n_xz=$(find "$xzdir" -name '*.ko.xz' | wc -l)
[ "$n_xz" -gt 0 ] || die "no .ko.xz under $xzdir"
log "tree $moddir: $n_ko modules; $xzdir: $n_xz .ko.xz; warming the page cache"
find "$moddir" "$xzdir" -type f -name '*.ko*' -print0 | xargs -0 cat >/dev/null

# "wall cpu": the best of N runs of "$@" in seconds (cpu = user + sys of the
# command and its children), or FAIL.
bench_n() {
	local n=$1 i out
	shift
	out=$(for ((i = 0; i < n; i++)); do
		{ TIMEFORMAT='%R %U %S'; time "$@" >/dev/null 2>&1 || echo FAIL >&2; } 2>&1
	done) || true
	case $out in *FAIL*) echo FAIL; return ;; esac
	printf '%s\n' "$out" | awk '{ w = $1; c = $2 + $3 }
		NR == 1 || w < bw { bw = w } NR == 1 || c < bc { bc = c }
		END { printf "%.4f %.4f\n", bw, bc }'
}
bench() { bench_n "$RUNS" "$@"; }

xz_decode() {  # the parallel xz decode of every .ko.xz under $1, output discarded
	find "$1" -type f -name '*.ko.xz' -print0 | xargs -0 -P "$JOBS" -n 64 xz -dc >/dev/null
}
export -f xz_decode
export JOBS

gen() { "$BUSALIAS" --config /dev/null gen --plugin-dir "$PLUGIN_DIR" "$@"; }

# One untimed run each, which also checks that they work and that both trees give the same aliases.
gen -j"$JOBS" "$moddir" >"$scratch/gen.out" 2>"$scratch/gen.err" ||
	log "busalias gen exited $? ($(wc -l <"$scratch/gen.err") lines on stderr)"
gen -j"$JOBS" "$xzdir" >"$scratch/genxz.out" 2>/dev/null || true
[ -n "${XZ_MODDIR:-}" ] || cmp -s "$scratch/gen.out" "$scratch/genxz.out" ||
	die "busalias gen gives other aliases over the .ko.xz copy"
"$DEPMOD" -b "$scratch" -a "$abi" >/dev/null 2>&1 || die "depmod -b $scratch -a $abi failed"
[ -s "$scratch/lib/modules/$abi/modules.alias" ] || die "depmod wrote no modules.alias"
ms=$("$MINSCAN" -j"$JOBS" "$moddir") || die "minscan failed"
log "busalias: $(wc -l <"$scratch/gen.out") aliases; minscan: $ms"

log "timing, best of $RUNS runs each (depmod: $DEPMOD_RUNS), $JOBS threads"
t_ba=$(bench gen -j"$JOBS" "$moddir")
t_ms=$(bench "$MINSCAN" -j"$JOBS" "$moddir")
t_b1=$(bench gen -j1 "$moddir")
t_m1=$(bench "$MINSCAN" -j1 "$moddir")
t_bx=$(bench gen -j"$JOBS" "$xzdir")
t_xz=$(bench bash -c 'xz_decode "$1"' _ "$xzdir")
t_dm=$(bench_n "$DEPMOD_RUNS" "$DEPMOD" -b "$scratch" -a "$abi")
case "$t_ba$t_ms$t_b1$t_m1$t_bx$t_xz$t_dm" in
*FAIL*) die "a timed run failed (gen $t_ba, minscan $t_ms, gen -j1 $t_b1, minscan -j1 $t_m1, gen xz $t_bx, xz $t_xz, depmod $t_dm)" ;;
esac

awk -v ba="$t_ba" -v ms="$t_ms" -v b1="$t_b1" -v m1="$t_m1" -v bx="$t_bx" -v xz="$t_xz" -v dm="$t_dm" \
	-v n="$n_ko" -v nx="$n_xz" -v runs="$RUNS" -v j="$JOBS" '
function goal(r, op, g) { return (op == "<=" ? r <= g : r >= g) ? "met" : "MISSED" }
BEGIN {
	split(ba, B, " "); split(ms, M, " "); split(b1, B1, " "); split(m1, M1, " ")
	split(bx, BX, " "); split(xz, X, " "); split(dm, D, " ")
	printf "modules: %d (.ko.xz: %d); best of %d runs; %d threads      wall       cpu\n", n, nx, runs, j
	printf "  busalias gen -j%-2d                          %7.3f s  %7.3f s\n", j, B[1], B[2]
	printf "  minscan -j%-2d (libelf scan only)            %7.3f s  %7.3f s\n", j, M[1], M[2]
	printf "  busalias gen -j1                            %7.3f s  %7.3f s\n", B1[1], B1[2]
	printf "  minscan -j1                                 %7.3f s  %7.3f s\n", M1[1], M1[2]
	printf "  busalias gen -j%-2d, .ko.xz tree              %7.3f s  %7.3f s\n", j, BX[1], BX[2]
	printf "  xz -dc of the same files, %d in parallel     %7.3f s  %7.3f s\n", j, X[1], X[2]
	printf "  depmod -b -a VERSION                        %7.3f s  %7.3f s\n", D[1], D[2]
	r = B[1] / M[1]
	printf "  gen/minscan, %d threads each                %7.2fx   %7.2fx  (goal <= 1.30 wall: %s)\n", j, r, B[2] / M[2], goal(r, "<=", 1.3)
	printf "  gen/minscan, 1 thread each                 %7.2fx   %7.2fx\n", B1[1] / M1[1], B1[2] / M1[2]
	r = D[1] / B[1]
	printf "  depmod/gen                                 %7.2fx   %7.2fx  (goal >= 8.00 wall: %s)\n", r, D[2] / B[2], goal(r, ">=", 8)
	r = BX[1] / X[1]
	printf "  gen/xz decode, .ko.xz tree                 %7.2fx   %7.2fx  (goal <= 1.20 wall: %s)\n", r, BX[2] / X[2], goal(r, "<=", 1.2)
}'
