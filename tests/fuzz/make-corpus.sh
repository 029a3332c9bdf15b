#!/bin/sh
# Writes the seed corpus of the fuzz harnesses into OUTDIR, one directory per harness (named as the
# harness without "fuzz-"): module fixtures of many ABIs made by tests/tools/mkmodule (and the host
# compiler's sample modules if built), their gzip/xz/zstd streams, modules.alias files made by
# `busalias gen` from those modules, configurations, and fake-sysfs edit scripts.  Nothing here is
# committed as a binary: the corpus is made by the test suite's own tools.
#
# Usage: tests/fuzz/make-corpus.sh OUTDIR
#   BUILDDIR (default: the current directory) is a configured build with busalias, build-plugins and
#   tests/tools/mkmodule built (make all tests/tools/mkmodule); BUSALIAS, MKMODULE, PLUGIN_DIR,
#   SAMPLES override the paths derived from it.  `make fuzz-corpus` runs this into tests/fuzz/seeds.
set -eu
[ $# -eq 1 ] || { echo "usage: $0 OUTDIR" >&2; exit 2; }
out=$1
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
BUILDDIR=${BUILDDIR:-$PWD}
BUSALIAS=${BUSALIAS:-$BUILDDIR/busalias}
MKMODULE=${MKMODULE:-$BUILDDIR/tests/tools/mkmodule}
PLUGIN_DIR=${PLUGIN_DIR:-$BUILDDIR/build-plugins}
SAMPLES=${SAMPLES:-$BUILDDIR/samples}
for p in "$BUSALIAS" "$MKMODULE"; do
	[ -x "$p" ] || { echo "make-corpus: $p missing (make all tests/tools/mkmodule in BUILDDIR=$BUILDDIR)" >&2; exit 1; }
done

rm -rf "$out"
mkdir -p "$out/module" "$out/module-gz" "$out/module-xz" "$out/module-zst" "$out/aliasdb" "$out/config" "$out/sysfs"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/busalias-corpus.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

mkmod() {
	f=$1
	shift
	"$MKMODULE" -o "$out/module/$f.ko" "$@" || { echo "make-corpus: mkmodule $* failed" >&2; exit 1; }
}

# ---- modules: every ABI mkmodule knows, then variants on a LE64, a BE32 and an m68k one ----
for m in x86_64 i386 ppc ppc64 mips m68k arm aarch64 s390 riscv; do
	mkmod "$m-full" --machine $m
done
for m in x86_64 ppc m68k; do
	for preset in empty ambiguous warn-mask warn-size warn-noterm warn-override; do
		mkmod "$m-$preset" --machine $m --preset $preset
	done
	mkmod "$m-novermagic" --machine $m --no-vermagic
	mkmod "$m-xindex" --machine $m --xindex
	mkmod "$m-5.10" --machine $m --vermagic "5.10.0-28-generic SMP mod_unload "
	mkmod "$m-noname" --machine $m --no-name
	mkmod "$m-unterminated" --machine $m --modinfo-unterminated
done
mkmod mips-nosymtab --machine mips --no-symtab
mkmod forced-be64 --class 64 --endian be --machine 2
mkmod forced-le32 --class 32 --endian le --machine 4
# A few of tests/cli/bad-input.sh's corruptions: shapes the reader must refuse cleanly.
PCI=__mod_pci__ba_pci_ids_device_table
n=0
for p in ehdr:e_shnum+=40 ehdr:e_shstrndx=0xfff0 shdr:.symtab:sh_link=0 shdr:.symtab:sh_entsize=0 \
	shdr:.strtab:sh_size-=100 shdr:.rodata:sh_size=8 sym:$PCI:st_size+=1 sym:$PCI:st_shndx=200 \
	sym:$PCI:st_value+=4; do
	n=$((n + 1))
	mkmod "x86_64-patch$n" --machine x86_64 --patch "$p"
	mkmod "ppc-patch$n" --machine ppc --patch "$p"
done
# Real compiler output, when `make samples` built it.
for s in "$SAMPLES"/*.ko; do
	[ -f "$s" ] && cp "$s" "$out/module/$(basename "$s")"
done

# Compressed streams of some of them (the -gz/-xz/-zst harnesses take the stream as input).
for f in x86_64-full ppc-full m68k-full i386-full ppc-xindex x86_64-5.10 ppc-empty x86_64-warn-size; do
	gzip -9 -n -c "$out/module/$f.ko" >"$out/module-gz/$f.ko.gz"
	# Small dictionaries: the decoder allocates the whole declared dictionary for every input.
	xz --lzma2=preset=6,dict=4KiB -c "$out/module/$f.ko" >"$out/module-xz/$f.ko.xz"
	xz --check=none --lzma2=preset=6,dict=4KiB -c "$out/module/$f.ko" >"$out/module-xz/$f-nocheck.ko.xz"
	zstd -q -c "$out/module/$f.ko" >"$out/module-zst/$f.ko.zst"
	# Without checksums a mutated stream still reaches the ELF reader.
	zstd -q --no-check -c "$out/module/$f.ko" >"$out/module-zst/$f-nocheck.ko.zst"
done
for s in "$out"/module/sample-*.ko; do
	[ -f "$s" ] || continue
	b=$(basename "$s")
	gzip -n -c "$s" >"$out/module-gz/$b.gz"
	xz --lzma2=preset=6,dict=4KiB -c "$s" >"$out/module-xz/$b.xz"
	zstd -q -c "$s" >"$out/module-zst/$b.zst"
done
# Two streams in one file, and a zstd frame without a content size.
cat "$out/module-gz/ppc-full.ko.gz" "$out/module-gz/ppc-full.ko.gz" >"$out/module-gz/concatenated.ko.gz"
cat "$out/module-xz/ppc-full.ko.xz" "$out/module-xz/ppc-full.ko.xz" >"$out/module-xz/concatenated.ko.xz"
zstd -q -c <"$out/module/x86_64-full.ko" >"$out/module-zst/streamed.ko.zst"

# ---- modules.alias: gen's own output for those modules, with the generic vfio entries ----
"$BUSALIAS" --config=/dev/null gen -j1 --plugin-dir "$PLUGIN_DIR" "$out/module/x86_64-full.ko" \
	"$out/module/x86_64-5.10.ko" >"$tmp/gen.alias" 2>/dev/null || true
{
	echo "# Aliases extracted from modules, do not edit."
	cat "$tmp/gen.alias"
	echo "alias vfio_pci:v*d*sv*sd*bc*sc*i* vfio_pci"
	echo "alias vfio_pci:v000015B3d00001021sv*sd*bc*sc*i* mlx5_vfio_pci"
	echo "alias vfio_pci:v00008086d0000100Esv*sd*bc*sc*i* e1000_vfio"
	echo "alias pci:v00008086d0000100Esv*sd*bc*sc*i* e1000"
	echo "alias platform:vfio-platform vfio_platform"
	echo "alias acpi*:PNP0501:* 8250_pnp"
	echo "alias of:N*T*Cvfio-platform vfio_platform"
	echo "alias symbol:vfio_pci_core_register_device vfio_pci_core"
} >"$tmp/body"
i=0
for ma in pci:v00008086d0000100Esv00001234sd00005678bc02sc00i00 \
	vfio_pci:v00008086d0000100Esv00001234sd00005678bc02sc00i00 \
	vfio_pci:v000015B3d00001021sv000015B3sd00000001bc02sc00i00 \
	vfio_pci:v00001234d00005678sv00000000sd00000000bc03sc00i00 \
	pci:v*d*sv*sd*bc0Csc03i30 platform:busalias-test acpi:SMPL0001: acpi:PNP0501:PNP0500: acpi:010601:; do
	i=$((i + 1))
	{ echo "$ma"; cat "$tmp/body"; } >"$out/aliasdb/gen-$i"
done
# Globs, ties, odd spacing, tabs, CR, brackets, escapes, over-long fields.
long=$(printf '%0300d' 0)
{
	echo "vfio_pci:v00008086d000010D3sv00008086sd0000A01Fbc02sc00i00"
	echo "alias vfio_pci:v*d*sv*sd*bc*sc*i* vfio_pci"
	echo "alias	vfio_pci:v00008086d000010D3sv*sd*bc*sc*i*	e1000e_vfio"
	echo "alias vfio_pci:v00008086d000010D?sv*sd*bc*sc*i* question"
	echo "alias vfio_pci:v0000808[0-9]d000010D3sv*sd*bc*sc*i* bracket"
	echo "alias vfio_pci:v0000808[!0-5]d000010D3sv*sd*bc*sc*i* negated"
	echo "alias vfio_pci:v00008086d000010D3sv\\*sd*bc*sc*i* escaped"
	printf 'alias vfio_pci:v00008086d000010D3sv*sd*bc*sc*i* crlf\r\n'
	echo "alias   vfio_pci:v*   spaced   extra words"
	echo "alias vfio_pci:v[ unclosed"
	echo "alias vfio_pci:v*d*sv*sd*bc*sc*i* tie_later"
	echo "alias x$long toolong"
	echo "alias vfio_pci:* m$long"
	echo "softdep vfio_pci pre: vfio"
	echo "alias"
	echo "alias onlypattern"
	printf 'alias vfio_pci:* no_newline'
} >"$out/aliasdb/globs"
{ echo; echo "alias * anything"; } >"$out/aliasdb/empty-modalias"
# Bodies that are indexes (busalias index's output), for the harness's reading of a hostile index.
for seed in globs gen-3; do
	tail -n +2 "$out/aliasdb/$seed" >"$tmp/modules.alias"
	"$BUSALIAS" --config /dev/null index --alias-file "$tmp/modules.alias" ||
		{ echo "make-corpus: busalias index failed" >&2; exit 1; }
	{ head -n 1 "$out/aliasdb/$seed"; cat "$tmp/modules.alias.busalias-index"; } >"$out/aliasdb/index-$seed"
done
printf 'platform:busalias-test' >"$out/aliasdb/no-body"

# ---- configurations ----
cp "$top/busalias.conf.example" "$out/config/example.conf"
sed -e 's/^#\([a-z_]* =\)/\1/' "$top/busalias.conf.example" >"$out/config/uncommented.conf"
cat >"$out/config/all.conf" <<'EOF'
[core]
plugin_dir = /usr/lib/busalias/plugins
[modules]
basedir = /srv/root
kernel = 6.1.0-13-amd64
module_root = /srv/root/lib/modules/6.1.0-13-amd64
alias_file = /srv/root/lib/modules/6.1.0-13-amd64/modules.alias
[bind]
sysfs_root = /sys
lock_dir = /run/busalias
modprobe = /sbin/modprobe
prefix = vfio_
lock_timeout = 2.5
[output]
quiet = yes
EOF
cat >"$out/config/odd.conf" <<'EOF'
; comment
# comment
[modules]
kernel: 5.10.0-28-amd64   ; inline comment
basedir =
  continued value
[bind]
prefix=vfio_  
lock_timeout = 0
[output]
quiet = off
EOF
printf '\357\273\277[bind]\r\nsysfs_root = /tmp/sys\r\nlock_timeout = 31622400\r\n' >"$out/config/bom-crlf.conf"
cat >"$out/config/errors.conf" <<'EOF'
[core]
plugin_dir = relative/path
unknown = 1
[modules]
kernel = ../../etc
[bind]
lock_timeout = inf
lock_timeout = 1e3
[output]
quiet = maybe
no equals sign here
[unterminated
EOF
# A long value, short of the parser's line buffer: the fuzzer lengthens it.
printf '[modules]\nbasedir = /%0150d\nkernel = 6.1.0\n' 0 >"$out/config/long.conf"

# ---- fake sysfs edit scripts (format: tests/fuzz/fuzz-sysfs.c) ----
s=$out/sysfs
printf '!json 0000:01:00.0\n!status platform:sim-uart.0\n' >"$s/status"
printf '!all\n' >"$s/all"
printf '!bind 01:00.0\n!restore 0000:01:00.0\n' >"$s/bind-pci"
printf '!driver vfio-platform acpi:AMDI0010:00\n!json acpi:AMDI0010:00\n' >"$s/bind-acpi"
printf '!driver vfio_platform platform:sim-uart.0\n!bind platform:sim-uart.0\n' >"$s/bind-platform"
printf '!match 0000:01:00.1\n!match /sys/bus/pci/devices/0000:01:00.0\n' >"$s/match"
cat >"$s/hostile-attrs" <<'EOF'
W @pci0/modalias 5000 pci:v00008086d000010D3
w @pci0/driver_override vfio-pci\0trailing
w @pci1/modalias \xff\xfe\x01binary\x7f
w @pci0/net/eth0/flags 0xffffffffffffffffff
!json 0000:01:00.0
!bind 0000:01:00.1
EOF
cat >"$s/hostile-links" <<'EOF'
l @pci0/driver ../../../../bus/pci/drivers/e"v\\il%s%n
l @pci0/iommu_group ../../../../kernel/iommu_groups/12\n
l @group/0000:02:00.0 /etc/passwd
l @group/loop loop
l @pcidev/0000:02:00.0 /dev
l @acpi/physical_node ../../../../../../../../../../tmp
!json 0000:01:00.0
!json acpi:AMDI0010:00
!status 0000:02:00.0
!all
EOF
cat >"$s/module-drivers" <<'EOF'
l @mod/vfio_pci/drivers/pci:vfio-pci ../../../bus/pci/drivers/vfio-pci
l @mod/vfio_pci/drivers/pci:.. ../../../bus/pci/drivers
d @pcidrv/evil\nname
l @pcidrv/evil\nname/module ../../../../module/vfio_pci
!bind 0000:01:00.0
!driver e1000e 0000:01:00.1
EOF
cat >"$s/odd-devices" <<'EOF'
p @uart/modalias
d @i2c/driver_override
r @acpi/physical_node
l @pci1/subsystem ../../../../bus/usb
w @acpi/modalias
!status platform:sim-uart.0
!restore acpi:AMDI0010:00
!status pci:0000:01:00.1
!bind platform:AMDI0010:00
EOF
printf '!status ../../etc\n!status /sys/../../etc\n!bind pci:00:1c.0/..\n!match platform:..\n' >"$s/bad-names"

for d in "$out"/*; do
	echo "make-corpus: $(ls "$d" | wc -l) seeds in $d"
done
