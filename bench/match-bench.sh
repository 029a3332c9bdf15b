#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Lookup benchmark: one `busalias match` against the real amd64 modules.alias
# (~26k aliases) beside `modprobe -R` (resolve only: it loads nothing) on the
# same module tree: each with its index made from that file (busalias index's
# modules.alias.busalias-index, depmod's modules.alias.bin), the goal's figure;
# then busalias again on a copy without its index (the file scanned).  The tree is the current Debian kernel image, fetched as
# tests/conformance/run.sh does, or MODDIR; depmod -b regenerates modules.alias
# (and the .bin index modprobe reads) in a scratch copy, never in /lib/modules.
# Each figure is the median of RUNS (default 21) whole-process runs, page cache warm, timed
# with bash's EPOCHREALTIME; then the ratio busalias/modprobe per lookup and their median
# (goal <= 0.5).  Beside each, the average CPU time (user + sys) of a run and its ratio: on a
# machine busy with other work the wall times carry the waits for a CPU, the CPU times much less.
#
# Environment: BUSALIAS, PLUGIN_DIR (required); MODDIR, BUSALIAS_TEST_CACHE,
# RUNS, DEPMOD, MODPROBE.
set -euo pipefail

: "${BUSALIAS:?set BUSALIAS to the busalias binary}"
: "${PLUGIN_DIR:?set PLUGIN_DIR to the plugin directory}"
CACHE=${BUSALIAS_TEST_CACHE:-/var/cache/busalias-test}
RUNS=${RUNS:-21}
DEPMOD=${DEPMOD:-$(command -v depmod || echo /sbin/depmod)}
MODPROBE=${MODPROBE:-$(command -v modprobe || echo /sbin/modprobe)}

log() { printf 'bench: %s\n' "$*" >&2; }
die() { printf 'bench: error: %s\n' "$*" >&2; exit 2; }
# shellcheck source=tests/lib/debian-kernel.sh
. "$(dirname "$0")/../tests/lib/debian-kernel.sh"

bench_moddir
[ -x "$DEPMOD" ] || die "depmod not found (install kmod)"
[ -x "$MODPROBE" ] || die "modprobe not found (install kmod)"

scratch=$(mktemp -d "${TMPDIR:-/tmp}/busalias-match-bench.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
# depmod's inputs stay; its outputs (modules.alias, modules.dep, *.bin...) are regenerated.
depmod_farm "$scratch" "$abi" "$moddir"
tree=$scratch/lib/modules/$abi
log "depmod -b $scratch $abi"
"$DEPMOD" -b "$scratch" "$abi" || die "depmod failed"
alias_file=$tree/modules.alias
log "$(grep -c '^alias ' "$alias_file") aliases in $alias_file"
# busalias's own index beside it, as the kernel hook writes it after depmod (modprobe reads
# depmod's modules.alias.bin the same way); a copy without one shows the scan.
log "busalias index --alias-file $alias_file"
"$BUSALIAS" --config /dev/null index --alias-file "$alias_file" || die "busalias index failed"
mkdir -p "$scratch/scan"
cp "$alias_file" "$scratch/scan/modules.alias"
scan_file=$scratch/scan/modules.alias

# Children's CPU time so far (user + sys), in microseconds, into cpu_us: bash's `times`, run in
# this shell (in a $(...) subshell it would count the subshell's children).
children_cpu_us() {
	local t u s
	times >"$scratch/times"
	t=$(tail -n 1 "$scratch/times")  # "0m0.123s 0m0.045s"
	u=${t%% *} s=${t##* }
	cpu_us=$(awk -v u="$u" -v s="$s" 'function us(x, m) { m = x; sub(/m.*/, "", m); sub(/^[0-9]+m/, "", x); sub(/s$/, "", x); return (m * 60 + x) * 1e6 }
		BEGIN { printf "%d", us(u) + us(s) }')
}

# Microseconds, from bash's own clock: no date(1) process inside the timed span.  Also sets cpu_ms:
# the CPU time (user + sys) of one run, on average; unlike the wall time, hardly changed by other
# processes competing for the machine.
median_ms() { # command... -> median wall time of RUNS runs, in ms
	local t=() s e c0 c1
	children_cpu_us
	c0=$cpu_us
	for ((i = 0; i < RUNS; i++)); do
		s=${EPOCHREALTIME/[.,]/}
		"$@" >/dev/null 2>&1 || true
		e=${EPOCHREALTIME/[.,]/}
		t+=($((e - s)))
	done
	children_cpu_us
	c1=$cpu_us
	cpu_ms=$(awk -v a="$c0" -v b="$c1" -v n="$RUNS" 'BEGIN { printf "%.3f", (b - a) / n / 1000 }')
	printf '%s\n' "${t[@]}" | sort -n | awk -v n="$RUNS" '{ a[NR] = $1 } END { printf "%.3f", a[int((n + 1) / 2)] / 1000 }'
}
[ -n "${EPOCHREALTIME:-}" ] || die "bash 5 or later needed (EPOCHREALTIME)"

bench() { # label modalias prefix
	local ma=$2 pfx=$3 b m bres mres bcpu mcpu
	bres=$("$BUSALIAS" --config /dev/null match --plugin-dir "$PLUGIN_DIR" --alias-file "$alias_file" --prefix "$pfx" "$ma" || true)
	mres=$("$MODPROBE" -R -d "$scratch" -S "$abi" "$pfx$ma" 2>/dev/null | tr '\n' ' ' || true)
	"$BUSALIAS" --config /dev/null match --alias-file "$alias_file" --prefix "$pfx" "$ma" >/dev/null 2>&1 || true # warm
	# Not in $(...): cpu_ms is set by median_ms in this shell.
	median_ms "$BUSALIAS" --config /dev/null match --alias-file "$alias_file" --prefix "$pfx" "$ma" >"$scratch/t"
	b=$(cat "$scratch/t") bcpu=$cpu_ms
	median_ms "$MODPROBE" -R -d "$scratch" -S "$abi" "$pfx$ma" >"$scratch/t"
	m=$(cat "$scratch/t") mcpu=$cpu_ms
	median_ms "$BUSALIAS" --config /dev/null match --alias-file "$scan_file" --prefix "$pfx" "$ma" >"$scratch/t"
	s=$(cat "$scratch/t") scpu=$cpu_ms
	printf '%-9s %-56s busalias %6s ms (%s)  modprobe -R %6s ms (%s)  ratio %s  (CPU %s / %s ms: %s)\n' "$1" "$pfx$ma" "$b" \
		"${bres:-none}" "$m" "${mres:-none}" "$(awk -v b="$b" -v m="$m" 'BEGIN { printf "%.2f", b / m }')" "$bcpu" "$mcpu" \
		"$(awk -v b="$bcpu" -v m="$mcpu" 'BEGIN { printf "%.2f", (m > 0 ? b / m : 0) }')"
	printf '%-9s %-56s busalias %6s ms without the index: ratio %s  (CPU %s ms: %s)\n' "" "(scan)" "$s" \
		"$(awk -v b="$s" -v m="$m" 'BEGIN { printf "%.2f", b / m }')" "$scpu" \
		"$(awk -v b="$scpu" -v m="$mcpu" 'BEGIN { printf "%.2f", (m > 0 ? b / m : 0) }')"
	ratios+=("$(awk -v b="$b" -v m="$m" 'BEGIN { print b / m }')")
	cpu_ratios+=("$(awk -v b="$bcpu" -v m="$mcpu" 'BEGIN { print (m > 0 ? b / m : 0) }')")
	scan_ratios+=("$(awk -v b="$s" -v m="$m" 'BEGIN { print b / m }')")
}
scan_ratios=()
cpu_ratios=()
ratios=()

echo "kernel $abi, $(grep -c '^alias ' "$alias_file") aliases, median of $RUNS runs (whole process)"
bench e1000e pci:v00008086d000010D3sv00008086sd0000A01Fbc02sc00i00 ""
bench vfio pci:v00008086d000010D3sv00008086sd0000A01Fbc02sc00i00 vfio_
bench nomatch pci:v0000FFFFd0000FFFFsv0000FFFFsd0000FFFFbcFFscFFiFF ""
bench acpi acpi:PNP0C0A:PNP0C0A: ""
bench platform platform:gpio_exar ""
median_ms "$BUSALIAS" --config /dev/null version >"$scratch/t"
printf '%-9s %-56s busalias %6s ms (process start, no lookup; CPU %s ms)\n' startup "busalias version" "$(cat "$scratch/t")" "$cpu_ms"
printf '%s\n' "${ratios[@]}" | sort -n | awk '{ a[NR] = $1 } END {
	m = a[int((NR + 1) / 2)]
	printf "busalias match / modprobe -R, median of the %d lookups: %.2f (goal <= 0.50: %s)\n", NR, m, m <= 0.5 ? "met" : "MISSED" }'
printf '%s\n' "${cpu_ratios[@]}" | sort -n | awk '{ a[NR] = $1 } END {
	printf "the same in CPU time (user + sys, what a busy machine changes least): %.2f\n", a[int((NR + 1) / 2)] }'
printf '%s\n' "${scan_ratios[@]}" | sort -n | awk '{ a[NR] = $1 } END {
	printf "without the index (modules.alias scanned), median: %.2f\n", a[int((NR + 1) / 2)] }'
