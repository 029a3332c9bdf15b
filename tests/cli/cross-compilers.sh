#!/bin/sh
# Device tables compiled from C by real (cross) compilers, so the layouts are the compilers' own:
# every ABI must give the same aliases as tests/cli/expected/cross.txt.  Skipped (77) when no
# compiler is found; install e.g. gcc-m68k-linux-gnu gcc-i686-linux-gnu gcc-powerpc-linux-gnu.
. "${srcdir:-.}/tests/cli/lib.sh"

SAMPLES=$CLI_SRCDIR/../../samples
found=0
for cc in ${CC:-cc} m68k-linux-gnu-gcc i686-linux-gnu-gcc powerpc-linux-gnu-gcc powerpc64-linux-gnu-gcc \
	mips-linux-gnu-gcc mipsel-linux-gnu-gcc s390x-linux-gnu-gcc arm-linux-gnueabihf-gcc \
	aarch64-linux-gnu-gcc riscv64-linux-gnu-gcc sh4-linux-gnu-gcc x86_64-linux-gnu-gcc; do
	command -v "$cc" >/dev/null 2>&1 || continue
	d=$TMP/$cc
	mkdir -p "$d"
	if ! { "$cc" -c -O2 -o "$d/sample-pci.ko" "$SAMPLES/sample-pci.c" &&
		"$cc" -c -O2 -o "$d/sample-platform.ko" "$SAMPLES/sample-platform.c" &&
		"$cc" -c -O2 -o "$d/cross-old.ko" "$CLI_SRCDIR/cross-old.c"; } 2>"$TMP/cc.err"; then
		echo "$cc cannot compile here, skipped: $(head -1 "$TMP/cc.err")"
		continue
	fi
	found=$((found + 1))
	gen "$d"
	expect_rc 0 "$cc"
	expect_file "$EXPECTED/cross.txt" "$TMP/out" "$cc"
done
[ "$found" -eq 0 ] && { echo "no usable C compiler"; exit 77; }
echo "$found compilers"
finish
