#!/bin/sh
# gen --modinfo-aliases: a stand-in for depmod's modules.alias.  depmod's header line first; per
# module the module's own .modinfo alias= strings in file order (as depmod writes them), then the
# generated aliases not among them; every string checked as generated ones are.  And -o -.
. "${srcdir:-.}/tests/cli/lib.sh"

HEADER='# Aliases extracted from modules themselves.'

# A module with hand-written MODULE_ALIAS strings, one of them also generated (printed once, in the
# .modinfo position), and a module without any.
mkmod -o "$TMP/hand.ko" --machine x86_64 --name hand \
	--modinfo 'alias=platform:hand-written' \
	--modinfo 'alias=pci:v00008086d0000100Esv*sd*bc*sc*i*' \
	--modinfo 'alias=char-major-10-123' \
	--modinfo 'alias=platform:hand-written'
mkmod -o "$TMP/full.ko" --machine ppc
gen --modinfo-aliases "$TMP/hand.ko" "$TMP/full.ko"
expect_rc 0 "--modinfo-aliases"
{
	echo "$HEADER"
	cat "$EXPECTED/full.txt"
	echo "alias platform:hand-written hand"
	echo "alias pci:v00008086d0000100Esv*sd*bc*sc*i* hand"
	echo "alias char-major-10-123 hand"
	grep -v 'pci:v00008086d0000100Esv' "$EXPECTED/full.txt" | sed 's/ fixture_full$/ hand/'
} >"$TMP/want"
expect_file "$TMP/want" "$TMP/out" "--modinfo-aliases: header; modules by name, each with its .modinfo aliases first"
[ -s "$TMP/err" ] && fail "--modinfo-aliases: a message: $(cat "$TMP/err")" || ok

# Without the option nothing changes: no header, no .modinfo alias.
gen "$TMP/hand.ko"
sed 's/ fixture_full$/ hand/' "$EXPECTED/full.txt" >"$TMP/want"
expect_file "$TMP/want" "$TMP/out" "without --modinfo-aliases"

# JSON: the .modinfo ones have the type "modinfo"; no header.
gen --modinfo-aliases --json "$TMP/hand.ko"
expect_rc 0 "--modinfo-aliases --json"
if command -v python3 >/dev/null; then
	python3 - "$TMP/out" <<'PY' && ok || fail "--modinfo-aliases --json: $(head -c 600 "$TMP/out")"
import json, sys
m = json.load(open(sys.argv[1]))["modules"][0]
a = [(x["type"], x["alias"]) for x in m["aliases"]]
assert a[:3] == [("modinfo", "platform:hand-written"), ("modinfo", "pci:v00008086d0000100Esv*sd*bc*sc*i*"),
                 ("modinfo", "char-major-10-123")], a[:3]
assert ("pci", "pci:v00008086d0000100Esv*sd*bc*sc*i*") not in a, "generated duplicate listed"
assert ("platform", "platform:busalias-test") in a
PY
fi

# Bad strings: each named with its file, skipped, exit 3; the good ones still printed.
nl='
'
long=$(printf '%0511d' 0)
mkmod -o "$TMP/bad.ko" --machine x86_64 --name badmod --preset empty \
	--modinfo 'alias=ok:one' \
	--modinfo "alias=with space" \
	--modinfo "alias=new${nl}line" \
	--modinfo "alias=tab	x" \
	--modinfo 'alias=' \
	--modinfo "alias=l$long" \
	--modinfo "alias=$(printf '%0510d' 0)" \
	--modinfo 'alias=ok:two'
gen --modinfo-aliases "$TMP/bad.ko"
expect_rc 3 "bad .modinfo aliases"
printf '%s\nalias ok:one badmod\nalias %s badmod\nalias ok:two badmod\n' "$HEADER" "$(printf '%0510d' 0)" >"$TMP/want"
expect_file "$TMP/want" "$TMP/out" "bad .modinfo aliases: the good ones (510 bytes is the limit)"
expect_err "busalias: warning: $TMP/bad.ko: .modinfo alias \"with space\" contains whitespace or a control character, skipped" "space"
expect_err "busalias: warning: $TMP/bad.ko: .modinfo alias \"new\\x0aline\" contains whitespace or a control character, skipped" "newline"
expect_err "busalias: warning: $TMP/bad.ko: .modinfo alias \"tab\\x09x\" contains whitespace or a control character, skipped" "tab"
expect_err "busalias: warning: $TMP/bad.ko: empty .modinfo alias, skipped" "empty"
expect_err "of 512 bytes is longer than the limit of 510, skipped" "too long"
[ "$(wc -l <"$TMP/err")" -eq 5 ] && ok || fail "bad .modinfo aliases: not one line each: $(cat "$TMP/err")"
gen --modinfo-aliases --json "$TMP/bad.ko"
if command -v python3 >/dev/null; then
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); m=d["modules"][0]; assert m["warnings"] == 5 and len(m["messages"]) == 5 and d["warnings"] == 5, d' "$TMP/out" &&
		ok || fail "bad .modinfo aliases --json: $(head -c 400 "$TMP/out")"
fi
# Not asked for, not checked: no warning.
gen "$TMP/bad.ko"
expect_rc 0 "bad .modinfo aliases without --modinfo-aliases"
[ -s "$TMP/err" ] && fail "bad .modinfo aliases without the option: $(cat "$TMP/err")" || ok
# A .modinfo whose last string has no NUL: the alias is read up to the section's end.
mkmod -o "$TMP/unterm.ko" --machine x86_64 --name unterm --preset empty --no-vermagic --modinfo 'alias=first' \
	--modinfo-unterminated
gen --modinfo-aliases "$TMP/unterm.ko"
expect_rc 0 "unterminated .modinfo"
printf '%s\nalias first unterm\n' "$HEADER" >"$TMP/want"
expect_file "$TMP/want" "$TMP/out" "unterminated .modinfo"

# Compressed modules and a walked tree: the same, modules in name order.
mkdir -p "$TMP/tree/a" "$TMP/tree/b"
cp "$TMP/hand.ko" "$TMP/tree/b/"
xz "$TMP/tree/b/hand.ko"
cp "$TMP/full.ko" "$TMP/tree/a/"
zstd -q --rm "$TMP/tree/a/full.ko"
gen --modinfo-aliases "$TMP/tree"
expect_rc 0 "--modinfo-aliases, compressed modules in a tree"
gen --modinfo-aliases "$TMP/full.ko" "$TMP/hand.ko"
cp "$TMP/out" "$TMP/want"
gen --modinfo-aliases "$TMP/tree"
expect_file "$TMP/want" "$TMP/out" "--modinfo-aliases, compressed modules in a tree"

# -o - is standard output; -o FILE gets the header too.
gen --modinfo-aliases -o - "$TMP/hand.ko" "$TMP/full.ko"
expect_rc 0 "-o -"
cp "$TMP/out" "$TMP/stdout.txt"
gen --modinfo-aliases "$TMP/hand.ko" "$TMP/full.ko"
expect_file "$TMP/out" "$TMP/stdout.txt" "-o - writes standard output"
[ -e ./- ] && fail "-o - wrote a file named -" || ok
gen --modinfo-aliases -o "$TMP/file.alias" "$TMP/hand.ko" "$TMP/full.ko"
expect_file "$TMP/stdout.txt" "$TMP/file.alias" "-o FILE, same bytes"
gen --json -o - "$TMP/full.ko"
sed "s|$TMP|@TMP@|g" "$TMP/out" >"$TMP/out.json"
expect_file "$EXPECTED/full.json" "$TMP/out.json" "--json -o -"
"$BUSALIAS" $NOCONF gen --plugin-dir "$PLUGIN_DIR" -o - "$TMP/full.ko" >/dev/full 2>"$TMP/err"
rc=$?
expect_rc 6 "-o - to a full disk"
expect_err "busalias: error: standard output: No space left on device" "-o - to a full disk"
# Nothing read: the -o FILE rule (keep the old file) does not apply to standard output.
gen -o - "$TMP/no-such.ko"
expect_rc 6 "-o -, nothing read"
grep -qF "left unchanged" "$TMP/err" && fail "-o -: 'left unchanged' for standard output: $(cat "$TMP/err")" || ok

finish
