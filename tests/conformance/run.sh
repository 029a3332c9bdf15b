#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Real-kernel conformance: `busalias gen` against the kernel's own modpost.
#
# The current Debian amd64 kernel image (or another architecture's, see
# CONFORMANCE_ARCH) and its kbuild package are fetched with apt-get download
# into a reusable cache and unpacked with dpkg -x.  modpost
# (the oracle) is run over every module of the image, turned back into a
# relocatable .o, and the MODULE_ALIAS() lines it writes into each <name>.mod.c
# are compared, module by module, with busalias gen's output over the same
# tree.  Every alias whose prefix ("usb:", "acpi*:") busalias produces somewhere in the tree is
# compared; the other prefixes (table types no plugin handles yet) are counted apart.
#
# Environment:
#   BUSALIAS             busalias binary (required)
#   PLUGIN_DIR           its plugin directory (required)
#   BUSALIAS_TEST_CACHE  download/unpack cache (default /var/cache/busalias-test)
#   CONFORMANCE_KEEP=1   keep the work directory
#   JOBS                 parallel jobs (default: nproc)
#   CONFORMANCE_MODDIR   compare this module tree instead of the image's
#   CONFORMANCE_ARCH     Debian architecture of the kernel (default amd64):
#                        s390x (ELF64 big-endian), i386 (ELF32), ... -- see
#                        kernel_arch in tests/lib/debian-kernel.sh.  When set,
#                        the result line names it: "conformance: s390x: ...".
#   CONFORMANCE_SUITE    another Debian suite's newest kernel (e.g. sid), for
#                        the host's architecture, through a private apt
#                        configuration (kernel_suite); the result line names
#                        it: "conformance: sid: ...".
set -euo pipefail

: "${BUSALIAS:?set BUSALIAS to the busalias binary}"
: "${PLUGIN_DIR:?set PLUGIN_DIR to the plugin directory}"
CACHE=${BUSALIAS_TEST_CACHE:-/var/cache/busalias-test}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
SHOW=${CONFORMANCE_SHOW:-10}

log() { printf 'conformance: [%3ss] %s\n' "$SECONDS" "$*" >&2; }
die() { printf 'conformance: error: %s\n' "$*" >&2; exit 2; }

for tool in apt-cache apt-get dpkg-deb objcopy nm awk sort xargs; do
	command -v "$tool" >/dev/null || die "$tool not found (install apt/dpkg/binutils)"
done

# shellcheck source=tests/lib/debian-kernel.sh
. "$(dirname "$0")/../lib/debian-kernel.sh"
label=
if [ -n "${CONFORMANCE_ARCH:-}" ]; then
	kernel_arch "$CONFORMANCE_ARCH"
	label="$karch: "
fi
if [ -n "${CONFORMANCE_SUITE:-}" ]; then
	[ -z "${CONFORMANCE_ARCH:-}" ] || die "CONFORMANCE_SUITE is for the host's architecture; unset CONFORMANCE_ARCH"
	kernel_suite "$CONFORMANCE_SUITE"
	label="$ksuite: "
fi
kernel_image
log "kernel $abi: $img $img_ver"
kernel_moddir
kernel_kbuild
log "kbuild: $kb $kb_ver"
kernel_modpost
[ -z "$label" ] || log "oracle: ${modpost_run[*]}"
# For testing this script: another module tree built for the same kernel.
moddir=${CONFORMANCE_MODDIR:-$moddir}

work=$(mktemp -d "${TMPDIR:-/tmp}/busalias-conformance.XXXXXX")
if [ "${CONFORMANCE_KEEP:-0}" = 1 ]; then
	log "work directory: $work"
else
	trap 'rm -rf "$work"' EXIT
fi

# --- oracle: modpost -----------------------------------------------------------
# modpost wants <name>.o (it writes <name>.mod.c; its srcversion code reads
# <name>.mod).  The tree is mirrored so modules with one name in two
# directories stay apart; <name> is the file name with - -> _, i.e.
# KBUILD_MODNAME.  Uncompressed modules are symlinked, not copied.
(cd "$moddir" && find . -type f \( -name '*.ko' -o -name '*.ko.xz' -o -name '*.ko.zst' -o -name '*.ko.gz' \) | sort) |
	awk -v m="$moddir" -v o="$work/o" '{
		sub(/^\.\//, ""); n = split($0, p, "/"); name = p[n]; sub(/\.ko.*$/, "", name); gsub(/-/, "_", name)
		dir = substr($0, 1, length($0) - length(p[n]) - 1)
		print m "/" $0 "\t" o "/" (dir == "" ? "." : dir) "/" name ".o"
	}' >"$work/modules"
n_modules=$(wc -l <"$work/modules")
[ "$n_modules" -gt 0 ] || die "no modules under $moddir"
cut -f2 "$work/modules" >"$work/objects"
log "$n_modules modules; preparing objects for modpost ($JOBS jobs)"

prepare() {  # "source<TAB>object"...
	local line src obj dir lastdir=
	for line; do
		src=${line%%$'\t'*}
		obj=${line#*$'\t'}
		dir=${obj%/*}
		[ "$dir" = "$lastdir" ] || mkdir -p "$dir" || exit 255
		lastdir=$dir
		case $src in
		*.ko) ln -s "$src" "$obj" || exit 255 ;;
		*.ko.xz) xz -dc "$src" >"$obj" || exit 255 ;;
		*.ko.zst) zstd -qdc "$src" >"$obj" || exit 255 ;;
		*.ko.gz) gzip -dc "$src" >"$obj" || exit 255 ;;
		esac
		: >"${obj%.o}.mod"
	done
}
export -f prepare
tr '\n' '\0' <"$work/modules" | xargs -0 -P "$JOBS" -n 256 bash -c 'prepare "$@"' _ ||
	die "cannot link or decompress the modules"

# A linked .ko still carries its export tables.  modpost would take them for
# exports of an unlinked object and then stop with errors (namespaces of
# symbols it did not register, symbols exported twice), and modpost writes
# no .mod.c at all once any error occurred.  Rename every export-table symbol
# so that nothing is exported; unresolved imports are only warnings with -w.
# One map per module that has such symbols (most have none and are left
# alone): objcopy is the slow step, and it is slower still with a big map.
# One nm at a time: parallel writers would interleave partial lines in the pipe.
# nm's status is not checked: an object it cannot read fails in modpost below.
{ xargs -a "$work/objects" -n 200 nm -A --defined-only 2>/dev/null || true; } |
	awk '$3 ~ /^__(ksymtab|kstrtab|kstrtabns|kcrctab|export_symbol)_/ && match($1, /:[0-9a-fA-F]+$/) {
		f = substr($1, 1, RSTART - 1)
		if (f != last) { if (last != "") close(last ".map"); print f; last = f; n++ }
		print $3, "__busalias_conf" $3 > (f ".map"); syms++
	}
	END { printf "%d symbols in %d modules\n", syms, n > "/dev/stderr" }' 2>"$work/rename.count" >"$work/exporters"
log "renaming export-table symbols: $(cat "$work/rename.count")"
if [ -s "$work/exporters" ]; then
	# shellcheck disable=SC2016 # expanded by the inner bash/awk
	xargs -a "$work/exporters" -P "$JOBS" -n 64 bash -c '
		for f; do
			# Never in place: f may be a symlink into the unpacked tree.
			objcopy --redefine-syms="$f.map" "$f" "$f.tmp" && mv -f "$f.tmp" "$f" || exit 255
		done' _ ||
		die "objcopy failed$([ -z "$label" ] || echo " (another architecture's ELF needs binutils-multiarch)")"
fi

# modpost is single-threaded and the modules are independent now that none
# exports anything: one modpost per chunk of the list.
log "running $(basename "$modpost") ($JOBS jobs)"
split -n "l/$JOBS" -d "$work/objects" "$work/chunk."
pids=()
for c in "$work"/chunk.*; do
	"${modpost_run[@]}" -w -T "$c" >"$c.log" 2>&1 &
	pids+=($!)
done
fail=0
for p in "${pids[@]}"; do wait "$p" || fail=1; done
cat "$work"/chunk.*.log >"$work/modpost.log"
if [ "$fail" -ne 0 ]; then
	grep -E '^(ERROR|FATAL)' "$work/modpost.log" | head -n 20 >&2 || true
	die "modpost failed (log: $work/modpost.log; CONFORMANCE_KEEP=1 keeps it)"
fi

# Oracle aliases as "module<TAB>alias".
sed 's/\.o$/.mod.c/' "$work/objects" >"$work/modc"
while IFS= read -r c; do
	[ -e "$c" ] || die "modpost wrote no ${c#"$work"/}"
done <"$work/modc"
# shellcheck disable=SC2016 # expanded by the inner bash/awk
xargs -a "$work/modc" awk '
	FNR == 1 { n = split(FILENAME, p, "/"); m = p[n]; sub(/\.mod\.c$/, "", m) }
	/^MODULE_ALIAS\(".*"\);$/ { a = $0; sub(/^MODULE_ALIAS\("/, "", a); sub(/"\);$/, "", a); print m "\t" a }' |
	sort -u >"$work/oracle.all"

# --- subject: busalias gen -------------------------------------------------------
log "running busalias gen"
rc=0
"$BUSALIAS" gen --plugin-dir "$PLUGIN_DIR" "$moddir" >"$work/gen.out" 2>"$work/gen.err" || rc=$?
if [ "$rc" -ne 0 ]; then
	head -n 20 "$work/gen.err" >&2
	die "busalias gen exited with status $rc ($(wc -l <"$work/gen.err") lines on stderr)"
fi
awk '$1 == "alias" && NF == 3 { print $3 "\t" $2; next } { bad++ } END { exit bad ? 1 : 0 }' "$work/gen.out" |
	sort -u >"$work/subject.all" || die "busalias gen printed lines that are not 'alias PATTERN MODULE'"
# The table type of each alias, for the per-type counts: the JSON output names it.  An alias is printed
# with a JSON escape only for '"' and '\', which no alias of a real tree holds.
"$BUSALIAS" gen --json --plugin-dir "$PLUGIN_DIR" "$moddir" 2>/dev/null |
	grep -o '"type":"[^"]*","alias":"[^"]*"' |
	awk -F'"' '{ print $8 "\t" $4 }' | sort -u >"$work/subject.types" || true

# --- compare ---------------------------------------------------------------------
awk -F'\t' -v show="$SHOW" -v nmods="$n_modules" -v label="$label" '
function prefix(a) { return substr(a, 1, index(a, ":")) }
function inscope(a) { return prefix(a) in made }
FNR == 1 { file++ }
# In scope: every alias prefix ("usb:", "acpi*:") busalias produces anywhere in the tree; an oracle
# prefix it never produces belongs to a table type no plugin handles yet, and is counted apart.
file == 1 { made[prefix($2)] = 1; next }
file == 2 {
	if (inscope($2)) { oracle[$0] = 1; omods[$1] = 1 } else out_of_scope[prefix($2)]++
	next
}
file == 3 { if (inscope($2)) { subject[$0] = 1; smods[$1] = 1 } next }
# alias -> table type; a prefix -> the type(s) that make it, for aliases busalias does not make.
file == 4 { type[$1] = $2; if (!((prefix($1), $2) in seen)) { seen[prefix($1), $2] = 1; ptype[prefix($1)] = ptype[prefix($1)] (ptype[prefix($1)] == "" ? "" : "+") $2 } }
END {
	for (k in oracle) {
		split(k, f, "\t")
		compared++
		p = prefix(f[2])
		t = (f[2] in type) ? type[f[2]] : ptype[p]
		per[t " " p]++
		if (!(k in subject)) { miss[++nmiss] = f[1] " " f[2]; permiss[t " " p]++ }
	}
	for (k in subject) if (!(k in oracle)) {
		split(k, f, "\t"); p = prefix(f[2]); t = (f[2] in type) ? type[f[2]] : ptype[p]; perextra[t " " p]++
	}
	for (k in subject) if (!(k in oracle)) { split(k, f, "\t"); extra[++nextra] = f[1] " " f[2] }
	n = 0; for (m in omods) n++; for (m in smods) if (!(m in omods)) n++
	printf "modules scanned: %d; modules with in-scope aliases: %d\n", nmods, n
	cmd = "sort"
	for (p in per) {
		split(p, tp, " ")
		printf "  type %-12s %-14s %6d aliases compared, %d missing, %d extra\n", tp[1], tp[2], per[p], permiss[p], perextra[p] | cmd
	}
	close(cmd)
	for (p in out_of_scope) printf "  not compared: %-12s %d oracle aliases (no plugin makes them)\n", p, out_of_scope[p]
	cmd = "sort | head -n " show
	for (i = 1; i <= nmiss; i++) print "MISSING (oracle only): " miss[i] | cmd
	close(cmd)
	for (i = 1; i <= nextra; i++) print "EXTRA (busalias only): " extra[i] | cmd
	close(cmd)
	printf "conformance: %s%d modules, %d aliases compared, %d missing, %d extra\n", label, nmods, compared, nmiss, nextra
	exit (nmiss || nextra) ? 1 : 0
}' "$work/subject.all" "$work/oracle.all" "$work/subject.all" "$work/subject.types"
