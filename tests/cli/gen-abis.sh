#!/bin/sh
# `busalias gen` on the "full" fixture for many ABIs, symbol-table variants and compressions:
# every one must print exactly tests/cli/expected/full.txt.
. "${srcdir:-.}/tests/cli/lib.sh"

for machine in x86_64 i386 ppc ppc64 mips m68k arm aarch64 s390 riscv; do
	for variant in plain novermagic xindex; do
		case $variant in
		plain) extra= ;;
		novermagic) extra=--no-vermagic ;;
		xindex) extra=--xindex ;;
		esac
		f=$TMP/$machine-$variant.ko
		mkmod -o "$f" --machine $machine $extra
		gen "$f"
		# Without vermagic the table size must tell the layout: the fixture's 4 acpi entries of 28 bytes
		# on 32-bit ABIs are also 7 of 16 (a 9-byte id without class match, 3.9-4.1), and busalias says
		# so; on m68k the 16-byte reading puts a non-zero byte where that layout has padding (its
		# 2-byte alignment pads elsewhere), so it is ruled out and nothing is ambiguous.
		case $variant-$machine in
		novermagic-i386 | novermagic-ppc | novermagic-mips | novermagic-arm)
			expect_rc 3 "$machine $variant"
			expect_err "fits several layouts of struct acpi_device_id; using 28-byte entries" "$machine $variant"
			;;
		*) expect_rc 0 "$machine $variant" ;;
		esac
		expect_file "$EXPECTED/full.txt" "$TMP/out" "$machine $variant"
	done
	# A 5.10 module: pci_device_id without override_only, 9-byte ACPI ids.
	f=$TMP/$machine-510.ko
	mkmod -o "$f" --machine $machine --vermagic "5.10.0-28-generic SMP mod_unload "
	gen "$f"
	expect_rc 0 "$machine 5.10"
	expect_file "$EXPECTED/full-5.10.txt" "$TMP/out" "$machine 5.10"
done

# Class and byte order can be forced independently of the machine's defaults.
for spec in "--class 32 --endian be --machine 8" "--class 64 --endian le --machine 62" \
	"--class 32 --endian le --machine 4" "--class 64 --endian be --machine 2"; do
	f=$TMP/forced.ko
	# shellcheck disable=SC2086
	mkmod -o "$f" $spec
	gen "$f"
	expect_rc 0 "$spec"
	expect_file "$EXPECTED/full.txt" "$TMP/out" "$spec"
done

# Compressed copies of a big-endian 32-bit and a little-endian 64-bit module.
for machine in ppc x86_64 m68k; do
	f=$TMP/comp-$machine.ko
	mkmod -o "$f" --machine $machine
	gzip -c "$f" >"$f.gz"
	xz -c "$f" >"$f.xz"
	zstd -q -c "$f" >"$f.zst"
	for c in gz xz zst; do
		gen "$f.$c"
		expect_rc 0 "$machine .ko.$c"
		expect_file "$EXPECTED/full.txt" "$TMP/out" "$machine .ko.$c"
	done
done

# More than 65280 sections: extended numbering (e_shnum 0, e_shstrndx SHN_XINDEX) and table
# symbols whose st_shndx is SHN_XINDEX out of necessity; foreign-endian ones included.
for machine in ppc x86_64 m68k; do
	f=$TMP/huge-$machine.ko
	mkmod -o "$f" --machine $machine --pad-sections 65300
	gen "$f"
	expect_rc 0 "$machine, 65300 extra sections"
	expect_file "$EXPECTED/full.txt" "$TMP/out" "$machine, 65300 extra sections"
done
zstd -q -c "$TMP/huge-ppc.ko" >"$TMP/huge-ppc.ko.zst"
gen "$TMP/huge-ppc.ko.zst"
expect_rc 0 "ppc, 65300 extra sections, .zst"
expect_file "$EXPECTED/full.txt" "$TMP/out" "ppc, 65300 extra sections, .zst"

finish
