#!/bin/bash
# shellcheck disable=SC2015,SC2016  # "[ ] && [ ] || die" is meant; the Makefile include line is literal
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# End-to-end: busalias bind/restore/status against a real Debian kernel in QEMU.
#
# Host side.  Resolves Debian's current linux-image-amd64 at run time, fetches
# the image, its headers and kbuild with apt-get download into a reusable cache
# (never installed), builds the out-of-tree test modules in tests/e2e/modules
# against those headers, depmod's a scratch copy of the module tree (test modules
# in extra/), checks `busalias gen` against depmod's modules.alias, packs busybox,
# kmod and the busalias built in this tree (with the libraries ldd names) into an
# initramfs, and boots the kernel in qemu-system-x86_64 (q35, intel-iommu, TCG).
# The module tree is shared read-only over virtio-9p.  The guest (guest-init.sh)
# runs the scenarios, prints "E2E: PASS|FAIL|SKIP name ..." lines on a second
# serial port and powers off; this script parses them.  The console (kernel boot
# messages and every command the scenarios ran) goes to guest.log, printed on failure.
#
# Environment:
#   BUSALIAS             busalias binary (required)
#   PLUGIN_DIR           its plugin directory (required)
#   BUSALIAS_TEST_CACHE  download/unpack cache (default /var/cache/busalias-test)
#   E2E_WORK             scratch directory (default: a fresh mktemp -d, removed on success)
#   E2E_TIMEOUT          seconds the guest may run (default 480)
#   E2E_KEEP=1           keep the scratch directory
#   E2E_DEB              a busalias .deb (tools/deb.sh): unpacked with dpkg-deb -x into the
#                        initramfs, where the "package" scenario runs the packaged binary (its own
#                        default plugin directory, no configuration) for gen and a bind; without it
#                        that scenario is skipped.  The binary built in this tree is /e2e/bin/busalias.
#   BUSALIAS_NO_DLCLOSE, ASAN_OPTIONS, UBSAN_OPTIONS  passed on to busalias in the guest
# Exit: 0 all scenarios passed, 1 a scenario failed, 2 setup error.
set -euo pipefail

: "${BUSALIAS:?set BUSALIAS to the busalias binary}"
: "${PLUGIN_DIR:?set PLUGIN_DIR to the plugin directory}"
here=$(cd "$(dirname "$0")" && pwd)
CACHE=${BUSALIAS_TEST_CACHE:-/var/cache/busalias-test}
TIMEOUT=${E2E_TIMEOUT:-480}
t_start=$SECONDS

log() { printf 'e2e: %s\n' "$*" >&2; }
die() { printf 'e2e: error: %s\n' "$*" >&2; exit 2; }

for tool in apt-cache apt-get dpkg-deb depmod qemu-system-x86_64 cpio gzip make gcc ldd awk timeout cmp; do
	command -v "$tool" >/dev/null || die "$tool not found (tools/deps.sh test installs it)"
done
kmod_bin=$(command -v kmod) || die "kmod not found"
busybox=
for b in /bin/busybox /usr/bin/busybox; do
	# The guest has no libc of its own for busybox: it must be the static build.
	[ -x "$b" ] && ! ldd "$b" >/dev/null 2>&1 && busybox=$b
done
[ -n "$busybox" ] || die "no static busybox (install busybox-static)"

if [ -n "${E2E_WORK:-}" ]; then
	work=$E2E_WORK
	rm -rf "$work"
	mkdir -p "$work"
else
	work=$(mktemp -d "${TMPDIR:-/tmp}/busalias-e2e.XXXXXX")
fi
log "work directory $work"

# --- which kernel, fetch and unpack (tests/lib, shared with tests/conformance) --
# shellcheck source=tests/lib/debian-kernel.sh
. "$here/../lib/debian-kernel.sh"
kernel_image
ver=$img_ver
kernel_headers
log "kernel $abi ($img $ver; $hdr, $common, $kbuild)"

imgdir=$CACHE/unpacked/${img}_$ver
fetch "$imgdir" "$img=$ver"
# Headers, common headers and kbuild in one tree: the per-flavour headers
# reach scripts/ and tools/ by relative symlinks into usr/lib/linux-kbuild-*.
hdrdir=$CACHE/unpacked/e2e-headers-${abi}_$ver
fetch "$hdrdir" "$hdr" "$common" "$kbuild"
kdir=$hdrdir/usr/src/$hdr
[ -d "$kdir" ] && [ -d "$hdrdir/usr/src/$common" ] || die "unexpected layout in $hdrdir"
vmlinuz=$imgdir/boot/vmlinuz-$abi
[ -r "$vmlinuz" ] && [ -d "$imgdir/lib/modules/$abi" ] || die "unexpected layout in $imgdir"
# Debian's udev for the second boot (persisted overrides applied by busalias's udev rule).
udev_ver=$(candidate udev)
[ -n "$udev_ver" ] || die "no installable version of udev"
udevdir=$CACHE/unpacked/udev_$udev_ver
fetch "$udevdir" "udev=$udev_ver"
[ -x "$udevdir/bin/udevadm" ] && [ -f "$udevdir/lib/udev/rules.d/80-drivers.rules" ] || die "unexpected layout in $udevdir"
t_fetch=$SECONDS

# --- out-of-tree test modules -------------------------------------------------
# The flavour's Makefile includes the common one by absolute /usr/src path; in
# our unpacked copy (ours alone) it includes the unpacked common tree instead.
printf 'include $(abspath $(dir $(lastword $(MAKEFILE_LIST)))/../%s/Makefile)\n' "$common" >"$kdir/Makefile"
mkdir -p "$work/modules"
cp "$here"/modules/Kbuild "$here"/modules/*.c "$work/modules/"
if ! make -C "$kdir" M="$work/modules" modules >"$work/modules.log" 2>&1; then
	cat "$work/modules.log" >&2
	die "building the test modules failed"
fi
t_modules=$SECONDS

# --- depmod'ed module tree -----------------------------------------------------
root=$work/root
mods=$root/lib/modules/$abi
mkdir -p "$mods/extra"
# Hard links when the cache is on the same filesystem, copies otherwise; depmod
# writes its index files by rename, so the cache is never modified.
cp -al "$imgdir/lib/modules/$abi/." "$mods/" 2>/dev/null || cp -a "$imgdir/lib/modules/$abi/." "$mods/"
rm -f "$mods"/modules.*.bin "$mods"/modules.alias "$mods"/modules.dep "$mods"/modules.symbols \
	"$mods"/modules.softdep "$mods"/modules.devname
cp "$work"/modules/*.ko "$mods/extra/"
depmod -b "$root" "$abi" || die "depmod failed"
[ -s "$mods/modules.alias" ] || die "depmod wrote no modules.alias"

# busalias gen over the same tree: every line it prints must be one depmod
# wrote (every table type is busalias's now), and for pci:/vfio_pci: the two
# must be identical.  depmod also holds the MODULE_ALIAS() strings, which gen
# prints only with --modinfo-aliases (checked below).
"$BUSALIAS" gen --plugin-dir "$PLUGIN_DIR" -b "$root" -k "$abi" -o "$work/gen.alias" ||
	die "busalias gen over $mods failed"
grep -E '^alias ' "$mods/modules.alias" | sort -u >"$work/depmod.scope"
grep -E '^alias ' "$work/gen.alias" | sort -u >"$work/gen.scope"
gen_extra=$(comm -13 "$work/depmod.scope" "$work/gen.scope" | wc -l)
pci_missing=$(comm -23 "$work/depmod.scope" "$work/gen.scope" | grep -cE '^alias (pci|vfio_pci):' || true)
dep_only=$(comm -23 "$work/depmod.scope" "$work/gen.scope" | wc -l)
log "gen vs depmod: $(wc -l <"$work/gen.scope") gen lines, $(wc -l <"$work/depmod.scope") depmod lines in scope," \
	"$gen_extra only in gen, $pci_missing pci/vfio_pci only in depmod, $dep_only depmod-only in all (MODULE_ALIAS)"
gen_ok=1
if [ "$gen_extra" -ne 0 ] || [ "$pci_missing" -ne 0 ]; then
	gen_ok=0
	comm -3 "$work/depmod.scope" "$work/gen.scope" | grep -E '^(\t)?alias (pci|vfio_pci)|^\t' | head -20 >&2
fi
grep -q '^alias vfio_pci:v00008086d0000100Esv\*sd\*bc\*sc\*i\* ba_e2e_variant$' "$work/gen.scope" ||
	{ gen_ok=0; log "gen did not find the test variant's override-only ID"; }

# gen --modinfo-aliases stands in for depmod's modules.alias: the same header line, the same lines
# (depmod prints an alias a module declares twice twice; gen once), and within each module the same
# order.  Only the order of the modules differs (depmod follows modules.order, gen sorts by name).
"$BUSALIAS" gen --plugin-dir "$PLUGIN_DIR" --modinfo-aliases -b "$root" -k "$abi" -o "$work/gen-mi.alias" ||
	die "busalias gen --modinfo-aliases over $mods failed"
mi_ok=1
[ "$(head -n 1 "$work/gen-mi.alias")" = "$(head -n 1 "$mods/modules.alias")" ] ||
	{ mi_ok=0; log "--modinfo-aliases: header '$(head -n 1 "$work/gen-mi.alias")'"; }
sort -u "$mods/modules.alias" >"$work/depmod.all"
sort "$work/gen-mi.alias" >"$work/gen-mi.sorted"
mi_missing=$(comm -23 "$work/depmod.all" "$work/gen-mi.sorted" | wc -l)
mi_extra=$(comm -13 "$work/depmod.all" "$work/gen-mi.sorted" | wc -l)
mi_dups=$(($(grep -c '^alias ' "$mods/modules.alias") - $(grep -c '^alias ' "$work/depmod.all")))
# per module, in file order, first occurrences only
awk '/^alias / && !seen[$0]++ { print $3 "\t" $2 }' "$mods/modules.alias" | sort -s -k1,1 >"$work/depmod.order"
awk '/^alias / { print $3 "\t" $2 }' "$work/gen-mi.alias" | sort -s -k1,1 >"$work/gen-mi.order"
cmp -s "$work/depmod.order" "$work/gen-mi.order" && mi_order=same || { mi_order=different; mi_ok=0; }
log "gen --modinfo-aliases vs depmod: $(grep -c '^alias ' "$work/gen-mi.alias") gen lines," \
	"$(grep -c '^alias ' "$mods/modules.alias") depmod lines ($mi_dups repeated within a module)," \
	"$mi_missing only in depmod, $mi_extra only in gen, per-module order $mi_order"
if [ "$mi_missing" -ne 0 ] || [ "$mi_extra" -ne 0 ]; then
	mi_ok=0
	comm -3 "$work/depmod.all" "$work/gen-mi.sorted" | head -20 >&2
fi
# The same tree under usr/lib/modules only (Debian 13 and later), found by -b alone.
mkdir -p "$work/usr-root/usr/lib"
ln -s "$root/lib/modules" "$work/usr-root/usr/lib/modules"
"$BUSALIAS" gen --plugin-dir "$PLUGIN_DIR" -b "$work/usr-root" -k "$abi" -o "$work/gen-usr.alias" ||
	die "busalias gen -b over usr/lib/modules failed"
cmp -s "$work/gen.alias" "$work/gen-usr.alias" && usr_ok=1 ||
	{ usr_ok=0; log "gen -b ROOT with the tree in usr/lib/modules differs from lib/modules"; }
t_depmod=$SECONDS

# --- initramfs -------------------------------------------------------------------
ird=$work/initramfs
mkdir -p "$ird"/{bin,sbin,usr/bin,usr/sbin,proc,sys,dev,run,tmp,etc,lib/modules,e2e/ko,e2e/bin,usr/lib/busalias/plugins}
cp "$busybox" "$ird/bin/busybox"
cp "$kmod_bin" "$ird/usr/bin/kmod"
for t in modprobe insmod rmmod lsmod modinfo depmod; do ln -s /usr/bin/kmod "$ird/sbin/$t"; done
# The binary built in this tree; /usr/bin/busalias is the package's, when there is one.
cp "$BUSALIAS" "$ird/e2e/bin/busalias"
for p in "$PLUGIN_DIR"/*.so; do cp -L "$p" "$ird/usr/lib/busalias/plugins/"; done
chmod 755 "$ird/usr/lib/busalias" "$ird/usr/lib/busalias/plugins"
chmod 644 "$ird"/usr/lib/busalias/plugins/*.so
deb_files=()
if [ -n "${E2E_DEB:-}" ]; then
	[ -r "$E2E_DEB" ] || die "E2E_DEB: cannot read $E2E_DEB"
	dpkg-deb -x "$E2E_DEB" "$ird" || die "dpkg-deb -x $E2E_DEB failed"
	[ -x "$ird/usr/bin/busalias" ] || die "$E2E_DEB has no usr/bin/busalias"
	deb_plugins=$(cd "$ird" && ls -d usr/lib/*/busalias/plugins 2>/dev/null | head -n 1)
	[ -n "$deb_plugins" ] || die "$E2E_DEB has no usr/lib/*/busalias/plugins"
	deb_files=("$ird/usr/bin/busalias" "$ird/$deb_plugins"/*.so)
	printf 'E2E_DEB=%q\nE2E_DEB_PLUGINS=/%s\n' "$(basename "$E2E_DEB")" "$deb_plugins" >>"$ird/e2e/env.deb"
	log "package $(basename "$E2E_DEB"): /usr/bin/busalias, plugins in /$deb_plugins"
	# What the packaged binary must print over drivers/net/ethernet (a whole tree takes minutes in TCG).
	"$BUSALIAS" gen --plugin-dir "$PLUGIN_DIR" -o "$ird/e2e/gen-ethernet.alias" "$mods/kernel/drivers/net/ethernet" ||
		die "busalias gen over drivers/net/ethernet failed"
	"$BUSALIAS" gen --plugin-dir "$PLUGIN_DIR" --modinfo-aliases -o "$ird/e2e/gen-ethernet-mi.alias" \
		"$mods/kernel/drivers/net/ethernet" || die "busalias gen --modinfo-aliases over drivers/net/ethernet failed"
fi
# Debian's udev (unpacked from its .deb, not installed anywhere) and busalias's rule: the package's
# when there is one (dpkg-deb -x put it in lib/udev/rules.d, calling /usr/bin/busalias), else the
# rule built in this tree, pointed at /e2e/bin/busalias and /etc/busalias/overrides.d.
for d in bin lib etc; do
	[ -d "$udevdir/$d" ] && mkdir -p "$ird/$d" && cp -a "$udevdir/$d/." "$ird/$d/"
done
udev_bins=()
while IFS= read -r f; do
	head -c 4 "$f" | grep -q ELF && udev_bins+=("$f")
done < <(find "$udevdir/bin" "$udevdir/lib/udev" -type f -perm -u+x)
if [ ! -f "$ird/lib/udev/rules.d/40-busalias.rules" ]; then
	rule_src=${UDEV_RULE:-$(dirname "$BUSALIAS")/data/udev/40-busalias.rules}
	[ -r "$rule_src" ] || die "no udev rule $rule_src (UDEV_RULE)"
	sed -e 's|PROGRAM="[^"]*/busalias udev-apply|PROGRAM="/e2e/bin/busalias --config /e2e/udev.conf udev-apply|' \
		-e 's|TEST!="[^"$]*/overrides.d/|TEST!="/etc/busalias/overrides.d/|' "$rule_src" \
		>"$ird/lib/udev/rules.d/40-busalias.rules"
	printf '[core]\nplugin_dir = /usr/lib/busalias/plugins\n[bind]\noverrides_dir = /etc/busalias/overrides.d\n' \
		>"$ird/e2e/udev.conf"
fi
grep -q 'udev-apply' "$ird/lib/udev/rules.d/40-busalias.rules" || die "the busalias udev rule has no udev-apply"
# Libraries: whatever ldd resolves for the binaries and the plugins, at the same paths, and the ones
# busalias dlopen()s when it reads a module (libelf, the decompressors), which ldd does not name.
for f in "$BUSALIAS" "$kmod_bin" "$PLUGIN_DIR"/*.so "${deb_files[@]}" "${udev_bins[@]}"; do
	ldd "$f" | awk '/=> \// { print $3 } /^[[:space:]]*\/[^ ]*ld-linux/ { print $1 }'
done | { cat; ldconfig -p | awk -v arch="$(uname -m | sed 's/_/-/')" '
	$1 ~ /^lib(elf\.so\.1|z\.so\.1|lzma\.so\.5|zstd\.so\.1)$/ && index($0, arch) { print $NF }'; } |
	sort -u | while read -r lib; do
	mkdir -p "$ird$(dirname "$lib")"
	cp -L "$lib" "$ird$lib"
done
# The 9p mount needs these before /lib/modules exists: insmod them in dependency order.
ko_order() {  # module paths relative to $mods, dependencies first
	awk -v want="$*" '
		BEGIN { n = split(want, w, " ") }
		{ sub(":", "", $1); deps[$1] = ""; for (i = 2; i <= NF; i++) deps[$1] = deps[$1] " " $i
		  split($1, p, "/"); base = p[length(p)]; sub(/\.ko.*$/, "", base); gsub("-", "_", base); path[base] = $1 }
		function visit(m,   d, k, i) { if (m in seen) return; seen[m] = 1
			k = split(deps[m], d, " "); for (i = k; i >= 1; i--) visit(d[i]); print m }
		END { for (i = 1; i <= n; i++) { if (!(w[i] in path)) { print "missing " w[i] > "/dev/stderr"; exit 1 } visit(path[w[i]]) } }
	' "$mods/modules.dep"
}
ko_list=$(ko_order virtio_pci 9pnet_virtio 9p) || die "9p/virtio modules not found in modules.dep"
: >"$ird/e2e/ko/order"
for k in $ko_list; do
	cp "$mods/$k" "$ird/e2e/ko/"
	basename "$k" >>"$ird/e2e/ko/order"
done
cp "$here/guest-init.sh" "$ird/init"
chmod 755 "$ird/init"
# Scenario 1 matches against the stock tree (no test modules), scenario 2 against
# depmod's full file and busalias gen's own output.
grep -v ' ba_e2e_[a-z_]*$' "$mods/modules.alias" >"$ird/e2e/stock.alias"
cp "$work/gen.alias" "$ird/e2e/gen.alias"
printf 'E2E_ABI=%s\nE2E_VER=%s\n' "$abi" "$ver" >"$ird/e2e/env"
[ -f "$ird/e2e/env.deb" ] && cat "$ird/e2e/env.deb" >>"$ird/e2e/env" && rm "$ird/e2e/env.deb"
# Sanitizer builds (BUSALIAS from an ASan/UBSan tree) want their settings in the guest too.
for v in BUSALIAS_NO_DLCLOSE ASAN_OPTIONS UBSAN_OPTIONS; do
	[ -n "${!v:-}" ] && printf 'export %s=%q\n' "$v" "${!v}" >>"$ird/e2e/env"
done
(cd "$ird" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0 | gzip -1) >"$work/initramfs.gz" ||
	die "cannot pack the initramfs"
t_initramfs=$SECONDS

# --- boot ----------------------------------------------------------------------
# Twice: the scenarios, then a reboot that checks what bind --persist stored in /etc/busalias, a
# host directory shared writable over 9p (the guest's only persistent storage).
persist=$work/persist
mkdir -p "$persist"
# no_timer_check: on a busy host, TCG is too slow for the kernel's check that the timer interrupt
# arrives through the (interrupt-remapped) IO-APIC, which then panics before init ("timer doesn't
# work through Interrupt-remapped IO-APIC"); booting twice doubled the odds of meeting it.
boot() {  # phase log results
	timeout --foreground -k 10 "$TIMEOUT" qemu-system-x86_64 \
		-M q35 -accel tcg -cpu max -smp 2 -m 1024 \
		-device intel-iommu \
		-kernel "$vmlinuz" -initrd "$work/initramfs.gz" \
		-append "console=ttyS0 intel_iommu=on panic=-1 no_timer_check rdinit=/init e2e.phase=$1" \
		-nic none -netdev user,id=n0,restrict=on -device e1000,netdev=n0 -device pvpanic \
		-netdev user,id=n1,restrict=on -netdev user,id=n2,restrict=on \
		-device pcie-pci-bridge,id=br1 \
		-device e1000,netdev=n1,bus=br1,addr=1.0,multifunction=on -device e1000,netdev=n2,bus=br1,addr=1.1 \
		-virtfs "local,path=$root/lib/modules,mount_tag=modules,security_model=none,readonly=on" \
		-virtfs "local,path=$persist,mount_tag=persist,security_model=none" \
		-display none -monitor none -serial "file:$2" -serial "file:$3" -no-reboot </dev/null >>"$work/qemu.out" 2>&1
}
# QEMU itself crashing (killed by a signal, not timed out) before the guest said anything is the
# emulator's failure, not the test's: once (seen once, a SIGSEGV of TCG while the reboot's kernel
# enumerated PCI), the boot is tried again, and the log says so.  The guest had changed nothing.
boot_retry() {  # phase log results
	local rc
	boot "$@"
	rc=$?
	if [ "$rc" -gt 128 ] && [ "$rc" != 137 ] && ! grep -q 'E2E: ' "$3" 2>/dev/null; then
		log "qemu crashed (exit $rc) before the guest ran a test; booting once more (first log kept as $2.crashed)"
		mv -f "$2" "$2.crashed" 2>/dev/null || true
		: >"$3"
		boot "$@"
		rc=$?
	fi
	return "$rc"
}
guestlog=$work/guest.log
log "booting $abi in QEMU (TCG), serial log $guestlog"
set +e
boot_retry main "$guestlog" "$work/results.raw"
qrc=$?
t_boot=$SECONDS
log "rebooting (persisted overrides), serial log $work/guest2.log"
boot_retry reboot "$work/guest2.log" "$work/results2.raw"
qrc2=$?
set -e
t_reboot=$SECONDS

# --- results -----------------------------------------------------------------------
tr -d '\r' <"$work/results.raw" | grep -E '^E2E: ' >"$work/results" || true
tr -d '\r' <"$work/results2.raw" | grep -E '^E2E: ' | sed 's/^E2E: DONE/E2E: DONE2/' >>"$work/results" || true
pass=$(grep -c '^E2E: PASS' "$work/results" || true)
fail=$(grep -c '^E2E: FAIL' "$work/results" || true)
skip=$(grep -c '^E2E: SKIP' "$work/results" || true)
done_line=$(grep -c '^E2E: DONE$' "$work/results" || true)
done2_line=$(grep -c '^E2E: DONE2$' "$work/results" || true)

echo "e2e: kernel $abi (Debian $img $ver)"
printf 'e2e: timing: fetch %ds, test modules %ds, depmod+gen %ds, initramfs %ds, guest %ds, reboot %ds, total %ds\n' \
	$((t_fetch - t_start)) $((t_modules - t_fetch)) $((t_depmod - t_modules)) \
	$((t_initramfs - t_depmod)) $((t_boot - t_initramfs)) $((t_reboot - t_boot)) $((SECONDS - t_start))
if [ "$gen_ok" = 1 ]; then
	echo "e2e: PASS gen-vs-depmod"
else
	echo "e2e: FAIL gen-vs-depmod"
	fail=$((fail + 1))
fi
if [ "$mi_ok" = 1 ]; then
	echo "e2e: PASS gen-modinfo-aliases-vs-depmod ($mi_missing only in depmod, $mi_extra only in gen, $mi_dups repeated lines)"
else
	echo "e2e: FAIL gen-modinfo-aliases-vs-depmod ($mi_missing only in depmod, $mi_extra only in gen, order $mi_order)"
	fail=$((fail + 1))
fi
if [ "$usr_ok" = 1 ]; then
	echo "e2e: PASS gen-usr-lib-modules"
else
	echo "e2e: FAIL gen-usr-lib-modules"
	fail=$((fail + 1))
fi
sed 's/^E2E: /e2e: /' "$work/results" | grep -v '^e2e: DONE' || true

rc=0
if [ "$qrc" -ne 0 ] || [ "$done_line" -eq 0 ]; then
	echo "e2e: guest did not finish (qemu exit $qrc$([ "$qrc" = 124 ] && echo ", timed out after ${TIMEOUT}s"))"
	rc=1
fi
if [ "$qrc2" -ne 0 ] || [ "$done2_line" -eq 0 ]; then
	echo "e2e: rebooted guest did not finish (qemu exit $qrc2$([ "$qrc2" = 124 ] && echo ", timed out after ${TIMEOUT}s"))"
	rc=1
fi
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ] || rc=1
echo "e2e: $pass passed, $fail failed, $skip skipped"
if [ "$rc" -ne 0 ]; then
	echo "e2e: ---- qemu output"
	cat "$work/qemu.out"
	echo "e2e: ---- guest log ($guestlog)"
	tr -d '\r' <"$guestlog"
	echo "e2e: ---- guest log of the reboot ($work/guest2.log)"
	tr -d '\r' <"$work/guest2.log" 2>/dev/null
	echo "e2e: ---- end of guest log"
fi
if [ "$rc" -eq 0 ] && [ -z "${E2E_KEEP:-}" ] && [ -z "${E2E_WORK:-}" ]; then
	rm -rf "$work"
fi
exit $rc
