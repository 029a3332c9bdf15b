#!/bin/sh
# Modules and configurations built to hurt: each case is a defect a hostile module or a new user
# once found (issue 7).  No signal, no hang, no forged output line, a one-line message naming the
# file, and the exit status that says what happened.
. "${srcdir:-.}/tests/cli/lib.sh"

GOOD=$TMP/good.ko
mkmod -o "$GOOD" --machine x86_64
grep ' fixture_full$' "$EXPECTED/full.txt" >"$TMP/good.txt"

# expect_no_signal WHAT: the last run ended by exit, not by a signal (or timeout's 124).
expect_no_signal() {
	if [ "$rc" -ge 124 ]; then
		fail "$1: exit status $rc (signal or timeout)"
		sed 's/^/  stderr: /' "$TMP/err" >&2
	else
		ok
	fi
}

# tgen SECONDS ARGS...: gen under a time limit
tgen() {
	limit=$1
	shift
	timeout "$limit" "$BUSALIAS" $NOCONF gen --plugin-dir "$PLUGIN_DIR" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
}

# The symbol table's string table is a NOBITS section: it has a size but no bytes (was a NULL read).
for m in x86_64 ppc; do
	mkmod -o "$TMP/strtab-bss-$m.ko" --machine $m --name badmod --patch shdr:.symtab:sh_link=3
	mkmod -o "$TMP/strtab-nobits-$m.ko" --machine $m --name badmod --patch shdr:.strtab:sh_type=8
	for f in "$TMP/strtab-bss-$m.ko" "$TMP/strtab-nobits-$m.ko"; do
		for c in "" gz xz zst; do
			g=$f
			if [ -n "$c" ]; then
				g=$f.$c
				case $c in gz) gzip -c "$f" ;; xz) xz -c "$f" ;; zst) zstd -q -c "$f" ;; esac >"$g"
			fi
			tgen 20 "$g" "$GOOD"
			expect_no_signal "$g"
			expect_rc 3 "$g"
			expect_err "$g: symbol table's string table (section" "$g"
			expect_file "$TMP/good.txt" "$TMP/out" "$g: the good module's aliases"
		done
	done
done

# A device table in a NOBITS section with a huge size: all zeros, so one entry says it all
# (was hours of formatting zero entries).  .bss is section 3, the bss table symbol is a pci one.
BSS=__mod_pci__ba_bss_ids_device_table
PCI=__mod_pci__ba_pci_ids_device_table
mkmod -o "$TMP/huge-bss.ko" --machine x86_64 --name hugebss \
	--patch shdr:.bss:sh_size=0x10000000000 --patch sym:$BSS:st_size=0xffffffff00
tgen 20 "$TMP/huge-bss.ko" "$GOOD"
expect_no_signal "NOBITS table of 1 TB"
expect_rc 0 "NOBITS table of 1 TB"
grep 'pci:v00000000' "$TMP/out" >"$TMP/bss.txt"
echo "alias pci:v00000000d00000000sv00000000sd00000000bc*sc*i* hugebss" >"$TMP/bss-want.txt"
expect_file "$TMP/bss-want.txt" "$TMP/bss.txt" "NOBITS table of 1 TB: the zero entry's alias, once"

# .modinfo name= with a newline would forge alias lines for any device.
nl='
'
mkmod -o "$TMP/forge.ko" --machine x86_64 --name "evil${nl}alias pci:v*d*sv*sd*bc*sc*i* evil"
tgen 20 "$TMP/forge.ko" "$GOOD"
expect_rc 3 "name with a newline"
expect_file "$TMP/good.txt" "$TMP/out" "name with a newline: no forged line"
expect_err "$TMP/forge.ko: module name \"evil\\x0aalias pci:v*d*sv*sd*bc*sc*i* evil\" (from .modinfo name=) is not a valid module name" \
	"name with a newline"
[ "$(wc -l <"$TMP/err")" -eq 1 ] && ok || fail "name with a newline: $(wc -l <"$TMP/err") message lines"
for bad in "a b" "tab	name" "slash/name" "cr$(printf '\r')name" ".."; do
	mkmod -o "$TMP/badname.ko" --machine ppc --name "$bad"
	tgen 20 "$TMP/badname.ko" "$GOOD"
	expect_rc 3 "module name '$bad'"
	expect_file "$TMP/good.txt" "$TMP/out" "module name '$bad'"
done
long=$(printf '%0256d' 0)
mkmod -o "$TMP/longname.ko" --machine x86_64 --name "$long"
tgen 20 "$TMP/longname.ko"
expect_rc 3 "module name of 256 bytes"
[ -s "$TMP/out" ] && fail "module name of 256 bytes: output $(head -c 100 "$TMP/out")" || ok
mkmod -o "$TMP/okname.ko" --machine x86_64 --name "$(printf '%0255d' 0)"
tgen 20 "$TMP/okname.ko"
expect_rc 0 "module name of 255 bytes"
# No name= in .modinfo: the file name stands in, and is checked the same way.
mkmod -o "$TMP/x${nl}alias pci:* y.ko" --machine x86_64 --no-name
tgen 20 "$TMP/x${nl}alias pci:* y.ko" "$GOOD"
expect_rc 3 "file name with a newline as module name"
expect_file "$TMP/good.txt" "$TMP/out" "file name with a newline as module name: no forged line"
expect_err '(from the file name) is not a valid module name' "file name with a newline as module name"
rm -f "$TMP/x${nl}alias pci:* y.ko"

# -o with nothing read leaves the old output alone (was replaced by an empty file).
echo "alias keep me" >"$TMP/keep.alias"
echo "not an ELF file" >"$TMP/notelf.ko"
tgen 20 -o "$TMP/keep.alias" "$TMP/notelf.ko"
expect_rc 3 "-o, no module read"
echo "alias keep me" >"$TMP/keep-want"
expect_file "$TMP/keep-want" "$TMP/keep.alias" "-o, no module read: output unchanged"
expect_err "$TMP/keep.alias: left unchanged, as no module was read" "-o, no module read"
mkdir -p "$TMP/nomods"
tgen 20 -o "$TMP/keep.alias" "$TMP/nomods"
expect_rc 3 "-o, empty directory"
expect_file "$TMP/keep-want" "$TMP/keep.alias" "-o, empty directory: output unchanged"
expect_err "no module files found" "-o, empty directory"
# ... but one readable module is enough to write.
tgen 20 -o "$TMP/keep.alias" "$TMP/notelf.ko" "$GOOD"
expect_rc 3 "-o, one module read"
expect_file "$TMP/good.txt" "$TMP/keep.alias" "-o, one module read"

# --json lists every file, the unreadable ones too, with their messages.
tgen 20 --json "$TMP/notelf.ko" "$TMP/forge.ko" "$GOOD"
expect_rc 3 "--json messages"
if command -v python3 >/dev/null; then
	python3 - "$TMP/out" "$TMP" <<'EOF' && ok || fail "--json messages: $(head -c 600 "$TMP/out")"
import json, sys
d = json.load(open(sys.argv[1]))
t = sys.argv[2]
by = {m["path"]: m for m in d["modules"]}
n = by[t + "/notelf.ko"]
assert n["name"] is None and n["warnings"] == 1, n
assert n["messages"] == [{"level": "warning", "message": t + "/notelf.ko: not an ELF file"}], n["messages"]
f = by[t + "/forge.ko"]
assert f["name"] is None and f["aliases"] == [], f
assert "is not a valid module name" in f["messages"][0]["message"], f
g = by[t + "/good.ko"]
assert g["name"] == "fixture_full" and g["messages"] == [] and g["warnings"] == 0 and len(g["aliases"]) > 5, g
assert d["warnings"] == 2, d["warnings"]
EOF
fi

# Per-module warning counts under -j: each module's own (was the delta of a global counter over
# the module reader's run, which other threads bump: modules with a reader warning each and clean
# ones, read in parallel, got each other's counts).
P=$TMP/par
mkdir -p "$P"
i=0
while [ $i -lt 320 ]; do
	if [ $((i % 2)) -eq 0 ]; then
		mkmod -o "$P/m$i.ko" --machine x86_64 --name "clean$i"
	else
		mkmod -o "$P/m$i.ko" --machine x86_64 --name "warn$i" --patch sym:$PCI:st_value=0xffffff00
	fi
	i=$((i + 1))
done
for j in 1 2 4 8; do
	tgen 60 --json -j $j "$P"
	expect_rc 3 "--json -j $j"
	if command -v python3 >/dev/null; then
		python3 - "$TMP/out" <<'EOF' && ok || fail "--json -j $j: per-module warning counts"
import json, sys
d = json.load(open(sys.argv[1]))
bad = [(m["name"], m["warnings"]) for m in d["modules"]
       if m["warnings"] != (1 if m["name"].startswith("warn") else 0) or m["warnings"] != len(m["messages"])]
assert not bad, bad
assert d["warnings"] == 160, d["warnings"]
EOF
	fi
done

# Config lines longer than inih's line buffer: a long comment is a comment, a long setting is
# reported as too long (was a "syntax error"), and later line numbers stay right.
long=$(printf '%0300d' 0)
printf '# %s\n[output]\nquiet = true\n' "$long" >"$TMP/long-comment.conf"
"$BUSALIAS" --config "$TMP/long-comment.conf" gen --plugin-dir "$PLUGIN_DIR" "$GOOD" >"$TMP/out" 2>"$TMP/err"
rc=$?
expect_rc 0 "config: long comment"
printf '; %s\n[core]\nplugin_dir = /%s\n[output]\nbogus = 1\n' "$long" "$long" >"$TMP/long-key.conf"
"$BUSALIAS" --config "$TMP/long-key.conf" gen "$GOOD" >"$TMP/out" 2>"$TMP/err"
rc=$?
expect_rc 2 "config: long setting"
expect_err "$TMP/long-key.conf:3: line longer than" "config: long setting named with its line"
expect_err "$TMP/long-key.conf:5: unknown key 'bogus' in section [output]" "config: line numbers after a long line"
grep -q 'syntax error' "$TMP/err" && fail "config: long lines reported as syntax errors: $(cat "$TMP/err")" || ok

# A zstd frame header claiming 1 GiB of content for 60 bytes of data (fuzzing finding F6): the claim
# must not size the first buffer.  Under a 400 MB address-space limit the old code ran out of
# memory (exit 6); now it is a corrupt module like any other.  (Not under a sanitizer: its shadow
# memory needs more address space than the limit.)
F6=$CLI_SRCDIR/../fuzz/regressions/fuzz-module-zst/F6-content-size-1gib.ko.zst
if ldd "$BUSALIAS" 2>/dev/null | grep -q -e libasan -e libtsan; then
	echo "sanitizer build: F6 address-space check skipped"
else
	rc=0
	(ulimit -v 400000 && exec "$BUSALIAS" $NOCONF gen --plugin-dir "$PLUGIN_DIR" "$F6" "$GOOD") >"$TMP/out" 2>"$TMP/err" || rc=$?
	expect_rc 3 "F6: zstd content size claim"
	expect_file "$TMP/good.txt" "$TMP/out" "F6: the good module's aliases"
	expect_err "F6-content-size-1gib.ko.zst: cannot decompress: corrupt zstd data" "F6: named"
fi

# Section 0 (SHN_UNDEF, which libelf never lists) claiming to be a symbol table (fuzzing finding F7):
# gen reading the file must find the real one, as libelf does reading the whole file; the old
# compact-image reader took section 0 and printed no alias.
cp "$CLI_SRCDIR/../fuzz/regressions/fuzz-module/F7-symtab-in-section0.ko" "$TMP/f7.ko"
gen "$TMP/f7.ko"
expect_rc 3 "F7: symbol table in section 0"
printf 'alias pci:v00000009d80860000sv100E0000sdFFFF0000bc*scFFiFF* fixture_full\nalias platform: fixture_full\n' >"$TMP/f7.txt"
expect_file "$TMP/f7.txt" "$TMP/out" "F7: the aliases of the real symbol table"

# A table in a section typed SHT_REL whose size is no multiple of a relocation (finding F9): its bytes
# are read at the section's offset, as modpost reads them, from a file and from memory alike.
cp "$CLI_SRCDIR/../fuzz/regressions/fuzz-module/F9-table-in-rel-section.ko" "$TMP/f9.ko"
gen "$TMP/f9.ko"
expect_rc 0 "F9: table in an SHT_REL section"
printf 'alias virtio:d00000001v* sample_virtio\nalias virtio:d00001AF4v00001AF4* sample_virtio\n' >"$TMP/f9.txt"
expect_file "$TMP/f9.txt" "$TMP/out" "F9: its aliases"

finish
