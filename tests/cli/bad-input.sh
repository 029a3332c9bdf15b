#!/bin/sh
# Bad-input corpus, generated here: truncations, corrupted headers and symbols, unterminated
# strings, non-ELF and empty files, bad compressed data.  For every file: no crash (exit status 0
# or 3, never a signal), a one-line message naming the file, and a good module given in the same
# run still prints all its aliases.
. "${srcdir:-.}/tests/cli/lib.sh"

C=$TMP/corpus
mkdir -p "$C"
GOOD=$TMP/good.ko
mkmod -o "$GOOD" --machine x86_64
grep ' fixture_full$' "$EXPECTED/full.txt" >"$TMP/good.txt"

# Base fixtures for corruption: LE64 and BE32.
for m in x86_64 ppc; do
	mkmod -o "$TMP/base-$m.ko" --machine $m --name badmod
done

# Truncations at many cut points.
for m in x86_64 ppc; do
	size=$(wc -c <"$TMP/base-$m.ko")
	cuts="1 4 15 16 17 51 52 53 63 64 65 100 $((size - 1)) $((size - 2)) $((size - 40))"
	i=128
	while [ $i -lt "$size" ]; do
		cuts="$cuts $i"
		i=$((i + 89))
	done
	for n in $cuts; do
		head -c "$n" "$TMP/base-$m.ko" >"$C/trunc-$m-$n.ko"
	done
done

# Corrupted fields.
n=0
corrupt() {
	m=$1
	shift
	n=$((n + 1))
	f=$C/corrupt-$m-$n.ko
	args=
	for p in "$@"; do
		args="$args --patch $p"
	done
	# shellcheck disable=SC2086
	mkmod -o "$f" --machine $m --name badmod $args
	echo "$f: $*" >>"$TMP/corpus.txt"
}
PCI=__mod_pci__ba_pci_ids_device_table
PLAT=__mod_device_table__platform__ba_plat_ids
for m in x86_64 ppc; do
	corrupt $m ehdr:e_shoff=0xffffff00
	corrupt $m ehdr:e_shoff+=3
	corrupt $m ehdr:e_shoff=1
	corrupt $m ehdr:e_shnum=0
	corrupt $m ehdr:e_shnum=0xffff
	corrupt $m ehdr:e_shnum+=40
	corrupt $m ehdr:e_shentsize=7
	corrupt $m ehdr:e_shstrndx=0xfff0
	corrupt $m shdr:.rodata:sh_offset=0xfffffff0
	corrupt $m shdr:.rodata:sh_size=0xfffffff0
	corrupt $m shdr:.rodata:sh_size+=100000
	corrupt $m shdr:.rodata:sh_size=8
	corrupt $m shdr:.symtab:sh_offset=0xffffff00
	corrupt $m shdr:.symtab:sh_size=0xffffff00
	corrupt $m shdr:.symtab:sh_size+=3
	corrupt $m shdr:.symtab:sh_entsize=0
	corrupt $m shdr:.symtab:sh_link=0x7fff
	corrupt $m shdr:.symtab:sh_link=0
	corrupt $m shdr:.symtab:sh_type=1
	corrupt $m shdr:.strtab:sh_offset=0xffffff00
	corrupt $m shdr:.strtab:sh_size=0xfffff000
	corrupt $m shdr:.modinfo:sh_offset=0xffffff00
	corrupt $m shdr:.modinfo:sh_size+=0x100000
	corrupt $m sym:$PCI:st_value=0xffffff00
	corrupt $m sym:$PCI:st_value+=4
	corrupt $m sym:$PCI:st_size+=1
	corrupt $m sym:$PCI:st_size=0
	corrupt $m sym:$PCI:st_size=0xffffffff
	corrupt $m sym:$PCI:st_shndx=200
	corrupt $m sym:$PCI:st_shndx=0xfff1 sym:$PLAT:st_value=0x7fffffff
	corrupt $m sym:$PCI:st_name=0xfffffff
	corrupt $m sym:$PLAT:st_value=0xffffffff
	# unterminated strings: the string table cut inside the last table symbol's name
	corrupt $m shdr:.strtab:sh_size=0 sym:$PCI:st_size=3
done
# Extended numbering gone wrong (section 0 holds the real e_shnum and e_shstrndx).
for m in ppc x86_64; do
	for p in "shdr:#0:sh_size=0xffffffff" "shdr:#0:sh_size=5" "shdr:#0:sh_link=0xffffff" "shdr:#0:sh_size=0"; do
		n=$((n + 1))
		mkmod -o "$C/xnum-$m-$n.ko" --machine $m --name badmod --pad-sections 65290 --patch "$p"
		echo "$C/xnum-$m-$n.ko: $p" >>"$TMP/corpus.txt"
	done
done
# The last table symbol's name runs into the end of .strtab.
mkmod -o "$C/strtab-cut.ko" --machine m68k --name badmod --patch shdr:.strtab:sh_size-=100
mkmod -o "$C/nosymtab.ko" --machine mips --no-symtab --name badmod

# Not ELF at all, or nearly.
: >"$C/empty.ko"
echo "this is not a module" >"$C/text.ko"
printf '\177ELF' >"$C/magic-only.ko"
printf '\177ELF\002\001\001\000\000\000\000\000\000\000\000\000\001\000' >"$C/ident-only.ko"
head -c 4096 /dev/zero >"$C/zeros.ko"
{ printf '\177ELF\001\002\001'; head -c 2000 "$TMP/base-ppc.ko" | tail -c 1900; } >"$C/spliced.ko"

# Bad compressed data.
gzip -c "$TMP/base-x86_64.ko" >"$TMP/b.gz"
xz -c "$TMP/base-ppc.ko" >"$TMP/b.xz"
zstd -q -c "$TMP/base-x86_64.ko" >"$TMP/b.zst"
for c in gz xz zst; do
	size=$(wc -c <"$TMP/b.$c")
	head -c $((size / 2)) "$TMP/b.$c" >"$C/half.ko.$c"
	head -c 10 "$TMP/b.$c" >"$C/header-only.ko.$c"
	echo "garbage garbage garbage" >"$C/garbage.ko.$c"
	: >"$C/empty.ko.$c"
	# valid compression of something that is not ELF
	echo "not elf inside" | case $c in gz) gzip -c ;; xz) xz -c ;; zst) zstd -q -c ;; esac >"$C/notelf.ko.$c"
	# flipped bytes in the middle of the stream
	{ head -c $((size / 2)) "$TMP/b.$c"; printf 'XXXXXXXX'; tail -c +$((size / 2 + 9)) "$TMP/b.$c"; } >"$C/flipped.ko.$c"
done
cp "$TMP/base-ppc.ko" "$C/plain-elf-named.ko.gz"

total=0
for f in "$C"/*; do
	total=$((total + 1))
	gen "$f" "$GOOD"
	if [ "$rc" -ge 128 ] || { [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; }; then
		fail "$f: exit status $rc"
		sed 's/^/  stderr: /' "$TMP/err" >&2
		continue
	fi
	ok
	# every line of stderr is one busalias message
	if grep -v '^busalias: ' "$TMP/err" >/dev/null; then
		fail "$f: stray stderr output"
		sed 's/^/  stderr: /' "$TMP/err" >&2
	else
		ok
	fi
	if [ "$rc" -ne 3 ]; then
		fail "$f: exit status $rc, expected 3 ($(grep -F "$f:" "$TMP/corpus.txt" 2>/dev/null))"
	else
		ok
	fi
	if ! grep -q "^busalias: [a-z]*: $f: " "$TMP/err"; then
		fail "$f: no message naming the file ($(grep -F "$f:" "$TMP/corpus.txt" 2>/dev/null))"
		sed 's/^/  stderr: /' "$TMP/err" >&2
	else
		ok
	fi
	grep ' fixture_full$' "$TMP/out" >"$TMP/good-out.txt"
	expect_file "$TMP/good.txt" "$TMP/good-out.txt" "$f: good module's aliases"
done

# The whole corpus in one run, the good module last and first.
gen "$GOOD" "$C"
expect_rc 3 "whole corpus"
grep ' fixture_full$' "$TMP/out" >"$TMP/good-out.txt"
expect_file "$TMP/good.txt" "$TMP/good-out.txt" "whole corpus: good module"
for f in "$C"/*; do
	grep -q "^busalias: [a-z]*: $f: " "$TMP/err" && ok || fail "whole corpus: $f not named"
done

# A harmless oddity: .modinfo's last string without its NUL.
mkmod -o "$TMP/modinfo.ko" --machine ppc --modinfo-unterminated
gen "$TMP/modinfo.ko"
expect_rc 0 "unterminated .modinfo"
expect_file "$EXPECTED/full.txt" "$TMP/out" "unterminated .modinfo"

echo "$total corpus files"
finish
