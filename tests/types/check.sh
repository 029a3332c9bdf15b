#!/bin/sh
# Device tables of every table type, compiled from C by real (cross) compilers: each directory
# tests/types/GROUP/ holds modules (*.c, each with its own name= and vermagic=, tables declared with
# the struct of that kernel) and expected.txt, what `busalias gen` must print for all of them on
# every ABI.  The structs are the compilers' own, so layouts are checked against real ABIs
# (LE/BE, 32/64-bit, m68k's 2-byte alignment).  A group whose entries gen must skip has
# expected-err.txt, its warnings (exit status 3).  BUSALIAS_TYPES=GROUP... checks only those.
. "${srcdir:-.}/tests/cli/lib.sh"

TYPES=$CLI_SRCDIR/../types
groups=${BUSALIAS_TYPES:-$(cd "$TYPES" && for d in */; do echo "${d%/}"; done)}
compilers=
for cc in ${CC:-cc} m68k-linux-gnu-gcc i686-linux-gnu-gcc powerpc-linux-gnu-gcc powerpc64-linux-gnu-gcc \
	mips-linux-gnu-gcc s390x-linux-gnu-gcc arm-linux-gnueabihf-gcc aarch64-linux-gnu-gcc; do
	command -v "$cc" >/dev/null 2>&1 && compilers="$compilers $cc"
done
[ -n "$compilers" ] || { echo "no usable C compiler"; exit 77; }
# Every fixture must be listed for make dist.
for f in $(cd "$TYPES" && find . -type f ! -name Makemodule.am ! -name '*.log' ! -name '*.trs' | sed 's|^\./||'); do
	grep -qF "tests/types/$f " "$TYPES/Makemodule.am" || grep -qxF "	tests/types/$f" "$TYPES/Makemodule.am" ||
		fail "tests/types/$f is not listed in tests/types/Makemodule.am (make dist would leave it out)"
done
for g in $groups; do
	[ -f "$TYPES/$g/expected.txt" ] || { fail "$g: no expected.txt"; continue; }
	for cc in $compilers; do
		d=$TMP/$g/$cc
		mkdir -p "$d"
		built=0
		for src in "$TYPES/$g"/*.c; do
			base=$(basename "$src" .c)
			if ! "$cc" -c -O2 -fno-common -I"$TYPES" -o "$d/$base.ko" "$src" 2>"$TMP/cc.err"; then
				fail "$g: $cc cannot compile $base.c: $(head -3 "$TMP/cc.err")"
				continue
			fi
			built=$((built + 1))
		done
		[ "$built" -gt 0 ] || continue
		gen "$d"
		if [ -f "$TYPES/$g/expected-err.txt" ]; then
			# Entries gen must skip with a warning: exit status 3, the warnings without the directory.
			expect_rc 3 "$g ($cc)"
			sed "s|$d/||" "$TMP/err" >"$TMP/err.rel"
			expect_file "$TYPES/$g/expected-err.txt" "$TMP/err.rel" "$g ($cc) warnings"
		else
			expect_rc 0 "$g ($cc)"
		fi
		expect_file "$TYPES/$g/expected.txt" "$TMP/out" "$g ($cc)"
	done
done
echo "compilers:$compilers"
finish
