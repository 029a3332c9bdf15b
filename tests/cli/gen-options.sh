#!/bin/sh
# busalias gen: --json, -o (atomic), directory walk, order, module names, warnings and exit statuses.
. "${srcdir:-.}/tests/cli/lib.sh"

mkmod -o "$TMP/full.ko" --machine ppc

# --json; the temporary directory is replaced by @TMP@ before comparing.
gen --json "$TMP/full.ko"
expect_rc 0 "--json"
sed "s|$TMP|@TMP@|g" "$TMP/out" >"$TMP/out.json"
expect_file "$EXPECTED/full.json" "$TMP/out.json" "--json"

# -o writes the same bytes as stdout, and replaces an existing file.
gen "$TMP/full.ko"
cp "$TMP/out" "$TMP/stdout.txt"
mkdir "$TMP/o"
echo "old contents" >"$TMP/o/modules.alias"
gen -o "$TMP/o/modules.alias" "$TMP/full.ko"
expect_rc 0 "-o"
[ -s "$TMP/out" ] && fail "-o: something on stdout"
expect_file "$TMP/stdout.txt" "$TMP/o/modules.alias" "-o"
# no temporary file left behind
n=$(ls -A "$TMP/o" | wc -l)
[ "$n" -eq 1 ] && ok || fail "-o: $n files in the output directory: $(ls -A "$TMP/o")"
# a failed write leaves nothing, and says so
gen -o "$TMP/no/such/dir/modules.alias" "$TMP/full.ko"
expect_rc 6 "-o into a missing directory"
expect_err "$TMP/no/such/dir/modules.alias" "-o into a missing directory"
# -o onto a FIFO (as onto /dev/null or /dev/stdout): written to, not replaced by a regular file
mkfifo "$TMP/o/pipe"
timeout 20 cat "$TMP/o/pipe" >"$TMP/from-pipe" &
gen -o "$TMP/o/pipe" "$TMP/full.ko"
wait
expect_rc 0 "-o onto a FIFO"
[ -p "$TMP/o/pipe" ] && ok || fail "-o onto a FIFO replaced it"
expect_file "$TMP/stdout.txt" "$TMP/from-pipe" "-o onto a FIFO"
rm -f "$TMP/o/pipe"
# --json -o
gen --json -o "$TMP/o/modules.json" "$TMP/full.ko"
expect_rc 0 "--json -o"
sed "s|$TMP|@TMP@|g" "$TMP/o/modules.json" >"$TMP/out.json"
expect_file "$EXPECTED/full.json" "$TMP/out.json" "--json -o"

# Directory walk: nested directories, compressed modules, non-module files ignored.
# Module names: from .modinfo name= when present, else the file name with - turned into _.
W=$TMP/walk
mkdir -p "$W/kernel/drivers/net" "$W/kernel/drivers/gpu/deep/er" "$W/extra" "$W/updates"
mkmod -o "$W/kernel/drivers/net/zeta.ko" --machine x86_64 --name zeta
mkmod -o "$W/kernel/drivers/gpu/deep/er/alpha-drv.ko" --machine x86_64 --no-name
xz "$W/kernel/drivers/gpu/deep/er/alpha-drv.ko"
mkmod -o "$W/extra/m68k-thing.ko" --machine m68k --no-name
zstd -q --rm "$W/extra/m68k-thing.ko"
mkmod -o "$W/updates/named.ko" --machine mips --name mid_name
gzip "$W/updates/named.ko"
mkmod -o "$W/updates/empty.ko" --preset empty --name empty_mod
echo "not a module" >"$W/README"
cp "$W/kernel/drivers/net/zeta.ko" "$W/kernel/drivers/net/zeta.ko.txt"
cp "$W/kernel/drivers/net/zeta.ko" "$W/kernel/drivers/net/zeta.o"
gen "$W"
expect_rc 0 "walk"
expect_file "$EXPECTED/walk.txt" "$TMP/out" "walk"
gen --json "$W"
sed "s|$TMP|@TMP@|g" "$TMP/out" >"$TMP/out.json"
expect_file "$EXPECTED/walk.json" "$TMP/out.json" "walk --json"

# Symbolic links in a walked tree, as packaging tools make them (cp -as: every file a link).
# A link named like a module is read as the regular file it points to; links to directories are
# not followed (the kernel tree's build/source), without a word.
L=$TMP/walk-links
cp -as "$W" "$L"
ln -s "$W" "$L/build"
ln -s "$TMP" "$L/source"
ln -s "$W/kernel" "$L/extra/dir.ko"
ln -s "$TMP/no-such-file" "$L/README.old"
gen "$L"
expect_rc 0 "walk through symlinks (cp -as)"
expect_file "$EXPECTED/walk.txt" "$TMP/out" "walk through symlinks (cp -as)"
[ -s "$TMP/err" ] && fail "walk through symlinks: a message: $(cat "$TMP/err")" || ok
gen --json "$L"
grep -qF "\"path\":\"$L/kernel/drivers/net/zeta.ko\"" "$TMP/out" && ok ||
	fail "walk through symlinks: JSON path is not the link's: $(grep -o '"path":"[^"]*zeta[^"]*"' "$TMP/out")"
# A dangling link or a loop named like a module: one warning naming it, the rest still read, exit 3.
ln -s "$TMP/no-such-module.ko" "$L/updates/gone.ko"
ln -s loop.ko.xz "$L/updates/loop.ko.xz"
gen "$L"
expect_rc 3 "dangling module symlink"
expect_file "$EXPECTED/walk.txt" "$TMP/out" "dangling module symlink, other modules"
expect_err "busalias: warning: $L/updates/gone.ko: symbolic link to $TMP/no-such-module.ko: No such file or directory" \
	"dangling module symlink"
expect_err "busalias: warning: $L/updates/loop.ko.xz: symbolic link to loop.ko.xz: Too many levels of symbolic links" \
	"module symlink loop"
[ "$(wc -l <"$TMP/err")" -eq 2 ] && ok || fail "dangling module symlinks: not one line each: $(cat "$TMP/err")"
gen --json "$L"
expect_rc 3 "dangling module symlink --json"
if command -v python3 >/dev/null; then
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["warnings"] == 2, d["warnings"]' "$TMP/out" &&
		ok || fail "dangling module symlink --json: warnings not counted"
fi
gen -q "$L"
expect_rc 3 "dangling module symlink -q"
[ -s "$TMP/err" ] && fail "dangling module symlink -q: stderr not empty: $(cat "$TMP/err")" || ok
rm "$L/updates/gone.ko" "$L/updates/loop.ko.xz"
# A PATH that is itself a symlink to a directory is searched (with or without a trailing slash).
ln -s "$W" "$TMP/walk-top"
for arg in "$TMP/walk-top" "$TMP/walk-top/"; do
	gen "$arg"
	expect_rc 0 "PATH a symlink to a directory ($arg)"
	expect_file "$EXPECTED/walk.txt" "$TMP/out" "PATH a symlink to a directory ($arg)"
done
gen --json "$TMP/walk-top"
grep -qF "\"path\":\"$TMP/walk-top/kernel/drivers/net/zeta.ko\"" "$TMP/out" && ok ||
	fail "PATH a symlink: JSON path not under the PATH given: $(grep -o '"path":"[^"]*zeta[^"]*"' "$TMP/out")"
# A directory that cannot be read: an error naming it, the others still read, exit 6 (an input could
# not be read).  Root reads it anyway unless its capabilities are dropped.
U=$TMP/walk-unreadable
cp -r "$W" "$U"
chmod 000 "$U/extra"
asuser=
if [ "$(id -u)" = 0 ]; then
	setpriv --bounding-set=-all --inh-caps=-all -- test ! -r "$U/extra" 2>/dev/null &&
		asuser="setpriv --bounding-set=-all --inh-caps=-all --"
fi
if [ "$(id -u)" != 0 ] || [ -n "$asuser" ]; then
	$asuser "$BUSALIAS" $NOCONF gen --plugin-dir "$PLUGIN_DIR" "$U" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	expect_rc 6 "unreadable directory in the walk"
	expect_err "busalias: error: $U/extra: cannot read directory: Permission denied" "unreadable directory in the walk"
	grep -v m68k_thing "$EXPECTED/walk.txt" >"$TMP/want"
	expect_file "$TMP/want" "$TMP/out" "unreadable directory in the walk, other modules"
	$asuser "$BUSALIAS" $NOCONF gen -q --plugin-dir "$PLUGIN_DIR" "$U" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	expect_rc 6 "unreadable directory in the walk, -q"
	expect_err "$U/extra" "unreadable directory in the walk, -q"
else
	echo "SKIP: unreadable directory in the walk (root, and setpriv cannot drop capabilities)"
fi
chmod 755 "$U/extra"

# Deterministic order: the same tree built in the opposite order, and arguments in any order.
W2=$TMP/walk2
mkdir -p "$W2/z" "$W2/a"
mkmod -o "$W2/z/named.ko" --machine mips --name mid_name
gzip "$W2/z/named.ko"
mkmod -o "$W2/a/m68k-thing.ko" --machine m68k --no-name
zstd -q --rm "$W2/a/m68k-thing.ko"
mkmod -o "$W2/alpha-drv.ko" --machine x86_64 --no-name
xz "$W2/alpha-drv.ko"
mkmod -o "$W2/a/zeta.ko" --machine x86_64 --name zeta
gen "$W2"
expect_file "$EXPECTED/walk.txt" "$TMP/out" "walk, other order"
gen "$W2/a/zeta.ko" "$W2/z/named.ko.gz" "$W2/a/m68k-thing.ko.zst" "$W2/alpha-drv.ko.xz"
expect_file "$EXPECTED/walk.txt" "$TMP/out" "arguments in another order"
gen "$W2/alpha-drv.ko.xz" "$W2/a/m68k-thing.ko.zst" "$W2/z/named.ko.gz" "$W2/a/zeta.ko"
expect_file "$EXPECTED/walk.txt" "$TMP/out" "arguments in yet another order"
# The same module twice (two paths) prints twice, in path order; deterministic either way.
gen "$W/kernel/drivers/net/zeta.ko" "$W2/a/zeta.ko"
cp "$TMP/out" "$TMP/twice1"
gen "$W2/a/zeta.ko" "$W/kernel/drivers/net/zeta.ko"
expect_file "$TMP/twice1" "$TMP/out" "same name, two paths"

# Warnings: exit status 3, the good tables still printed, one line naming file, table and symbol.
for p in warn-mask warn-override warn-size warn-noterm; do
	mkmod -o "$TMP/$p.ko" --preset $p --machine aarch64 --name warnmod
	gen "$TMP/$p.ko" "$TMP/full.ko"
	expect_rc 3 "$p"
	cp "$EXPECTED/full.txt" "$TMP/want"
	case $p in
	warn-size) grep -v '^alias pci:\|^alias vfio_pci:' "$EXPECTED/full.txt" ;;
	*) cat "$EXPECTED/full.txt" ;;
	esac | sed 's/ fixture_full$/ warnmod/' >>"$TMP/want"
	expect_file "$TMP/want" "$TMP/out" "$p output"
	expect_err "busalias: warning: $TMP/$p.ko: pci table __mod_pci__ba_pci_ids_device_table" "$p"
	case $p in
	warn-mask) expect_err "entry 5: class_mask 00FFF000 has partial bytes, entry skipped" "$p" ;;
	warn-override) expect_err "entry 5: unknown override_only value 00000002, entry skipped" "$p" ;;
	warn-size) expect_err "is not a whole number of 40-byte struct pci_device_id entries, table skipped" "$p" ;;
	warn-noterm) expect_err "last entry is not all zero" "$p" ;;
	esac
	# -q hides the warning, not the status
	gen -q "$TMP/$p.ko"
	expect_rc 3 "$p -q"
	[ -s "$TMP/err" ] && fail "$p -q: stderr not empty: $(cat "$TMP/err")" || ok
done

# Without vermagic the layout comes from the table size: unambiguous for the full preset ...
mkmod -o "$TMP/nov.ko" --machine x86_64 --no-vermagic
gen "$TMP/nov.ko"
expect_rc 0 "no vermagic, unambiguous"
expect_file "$EXPECTED/full.txt" "$TMP/out" "no vermagic, unambiguous"
# ... but 8 x 40 = 10 x 32 bytes fits both pci_device_id layouts: a warning, the newest is used.
mkmod -o "$TMP/amb.ko" --machine aarch64 --no-vermagic --preset ambiguous
gen "$TMP/amb.ko"
expect_rc 3 "ambiguous table size"
expect_err "busalias: warning: $TMP/amb.ko: pci table __mod_pci__ba_pci_ids_device_table: no vermagic and the table size 320 fits several layouts of struct pci_device_id; using 40-byte entries" "ambiguous"
{ grep -v '^alias platform' "$EXPECTED/full.txt"
  echo "alias pci:v00001234d00000001sv*sd*bc*sc*i* fixture_full"
  echo "alias pci:v00001234d00000002sv*sd*bc*sc*i* fixture_full"
  grep '^alias platform' "$EXPECTED/full.txt"; } >"$TMP/want"
expect_file "$TMP/want" "$TMP/out" "ambiguous table size"
# with a vermagic there is nothing to guess
mkmod -o "$TMP/amb61.ko" --machine aarch64 --preset ambiguous
gen "$TMP/amb61.ko"
expect_rc 0 "ambiguous size, vermagic 6.1"
expect_file "$TMP/want" "$TMP/out" "ambiguous size, vermagic 6.1"

# JSON escaping of odd names; messages stay one line even for a file name with a newline.
mkmod -o "$TMP/esc.ko" --machine x86_64 --name 'we"ird\name'
gen --json "$TMP/esc.ko"
expect_rc 0 "--json escaping"
grep -qE '"name":"we\\"ird\\\\name"' "$TMP/out" && ok || fail "--json escaping: $(head -2 "$TMP/out")"
if command -v python3 >/dev/null; then
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["modules"][0]["name"] == "we\"ird\\name"' "$TMP/out" &&
		ok || fail "--json: not valid JSON, or the name does not round-trip"
	gen --json "$W" "$TMP/warn-mask.ko"
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["warnings"] == 1, d["warnings"]' "$TMP/out" &&
		ok || fail "--json with a warning: not valid JSON or wrong warning count"
fi
# A name with whitespace is refused, in JSON too: it lists the file with "name": null and why.
mkmod -o "$TMP/tab.ko" --machine x86_64 --name 'a	tab'
gen --json "$TMP/tab.ko"
expect_rc 3 "--json, name with a tab"
if command -v python3 >/dev/null; then
	python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))["modules"][0]; assert m["name"] is None and "a\\x09tab" in m["messages"][0]["message"], m' "$TMP/out" &&
		ok || fail "--json, name with a tab: $(head -c 400 "$TMP/out")"
fi
nl='
'
bad="$TMP/bad${nl}name.ko"
echo "not elf" >"$bad"
gen "$bad" "$TMP/full.ko"
expect_rc 3 "file name with a newline"
grep -v '^busalias: ' "$TMP/err" >/dev/null && fail "file name with a newline: a message spans lines: $(cat "$TMP/err")" || ok
expect_file "$EXPECTED/full.txt" "$TMP/out" "file name with a newline, other file"

# Without a PATH: BASEDIR/lib/modules/VERSION, as depmod -b does.
R=$TMP/root
mkdir -p "$R/lib/modules/6.1.0-test"
cp -r "$W"/* "$R/lib/modules/6.1.0-test/"
gen -b "$R" -k 6.1.0-test
expect_rc 0 "-b -k"
expect_file "$EXPECTED/walk.txt" "$TMP/out" "-b -k"
gen --basedir="$R" --kernel=6.1.0-test
expect_file "$EXPECTED/walk.txt" "$TMP/out" "--basedir --kernel"
# lib/modules/VERSION may itself be a symlink (a tree assembled from links).
ln -s "$W" "$R/lib/modules/6.1.0-link"
gen -b "$R" -k 6.1.0-link
expect_rc 0 "-k of a symlinked tree"
expect_file "$EXPECTED/walk.txt" "$TMP/out" "-k of a symlinked tree"
gen -b "$R" -k ../../etc
expect_rc 2 "-k with a slash"
gen -b "$R" -k 6.1.0-missing
expect_rc 6 "-k of a missing tree"
expect_err "$R/lib/modules/6.1.0-missing" "-k of a missing tree"

# Exit statuses of usage errors.
gen --no-such-option "$TMP/full.ko"
expect_rc 2 "unknown option"
"$BUSALIAS" $NOCONF gen --plugin-dir "$TMP/o" "$TMP/full.ko" >"$TMP/out" 2>"$TMP/err"
rc=$?
expect_rc 2 "no plugins"
# A plugin directory that does not exist: one line naming it and why (as root too, where the
# ownership check runs first).
gen --plugin-dir "$TMP/no-such-plugin-dir" "$TMP/full.ko"
expect_rc 2 "missing plugin directory"
expect_err "busalias: error: $TMP/no-such-plugin-dir: cannot open plugin directory: No such file or directory" \
	"missing plugin directory"
# A dangling *.so among good plugins: the others are used, the bad one is named (exit 3).
mkdir "$TMP/plugins-dangling"
cp -L "$PLUGIN_DIR"/*.so "$TMP/plugins-dangling/"
ln -s "$TMP/no-such-plugin.so" "$TMP/plugins-dangling/zz-gone.so"
"$BUSALIAS" $NOCONF gen --plugin-dir "$TMP/plugins-dangling" "$TMP/full.ko" >"$TMP/out" 2>"$TMP/err"
rc=$?
expect_rc 3 "dangling plugin symlink"
expect_err "busalias: error: $TMP/plugins-dangling/zz-gone.so: " "dangling plugin symlink"
expect_file "$EXPECTED/full.txt" "$TMP/out" "dangling plugin symlink, other plugins"
"$BUSALIAS" $NOCONF frobnicate >"$TMP/out" 2>"$TMP/err"
rc=$?
expect_rc 2 "unknown command"
expect_err "unknown command 'frobnicate'" "unknown command"
"$BUSALIAS" $NOCONF gen --help >"$TMP/out" 2>"$TMP/err"
rc=$?
expect_rc 0 "gen --help"
grep -q -- '--json' "$TMP/out" && ok || fail "gen --help does not mention --json"
# Output that cannot be written is an error that says so, for every command.
for args in "gen --plugin-dir $PLUGIN_DIR $TMP/full.ko" "gen --plugin-dir $PLUGIN_DIR --json $TMP/full.ko" \
	"gen --help" "version" "--help"; do
	# shellcheck disable=SC2086
	"$BUSALIAS" $NOCONF $args >/dev/full 2>"$TMP/err"
	rc=$?
	expect_rc 6 "$args >/dev/full"
	expect_err "busalias: error: standard output: No space left on device" "$args >/dev/full"
	[ "$(wc -l <"$TMP/err")" -eq 1 ] && ok || fail "$args >/dev/full: not one line: $(cat "$TMP/err")"
done
# A path that does not exist is reported; the other paths are still done.
gen "$TMP/does-not-exist.ko" "$TMP/full.ko"
expect_rc 6 "missing input (unreadable input is a system error)"
expect_err "$TMP/does-not-exist.ko" "missing input"
expect_file "$EXPECTED/full.txt" "$TMP/out" "missing input, other file"

# File names are bytes; JSON must stay valid UTF-8 (a stray byte becomes U+FFFD).
cp "$TMP/full.ko" "$TMP/$(printf 'bad\377name-\303\251.ko')"
gen --json "$TMP/$(printf 'bad\377name-\303\251.ko')"
expect_rc 0 "--json with a non-UTF-8 file name"
if command -v python3 >/dev/null; then
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1], encoding="utf-8")); p=d["modules"][0]["path"]; assert p.endswith("bad\ufffdname-\u00e9.ko"), p' "$TMP/out" &&
		ok || fail "--json with a non-UTF-8 file name: not valid UTF-8 JSON, or the name is mangled"
fi

# A FIFO named like a module is reported, not waited on.
mkfifo "$TMP/fifo.ko"
timeout 20 "$BUSALIAS" $NOCONF gen --plugin-dir "$PLUGIN_DIR" "$TMP/fifo.ko" "$TMP/full.ko" >"$TMP/out" 2>"$TMP/err"
rc=$?
expect_rc 3 "FIFO named *.ko"
expect_err "$TMP/fifo.ko: not a regular file" "FIFO named *.ko"
expect_file "$EXPECTED/full.txt" "$TMP/out" "FIFO named *.ko, other file"
rm -f "$TMP/fifo.ko"

finish
