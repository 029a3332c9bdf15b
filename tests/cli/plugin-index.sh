#!/bin/sh
# plugins.index: busalias plugins --write-index, and commands dlopen()ing only the plugins they need
# while the index describes every plugin of the directory as it is; otherwise all of them.
. "${srcdir:-.}/tests/cli/lib.sh"

# A copy of the build's plugin directory (the test changes files in it).
mkdir "$TMP/p"
for f in "$PLUGIN_DIR"/*.so; do cp -L "$f" "$TMP/p/"; done
chmod 755 "$TMP/p"
n_plugins=$(ls "$TMP/p" | grep -c '\.so$')
mkmod -o "$TMP/full.ko" --machine x86_64   # pci, platform and acpi tables

# How many plugins a command dlopen()ed: glibc's loader says so for each file it loads at run time
# (libelf and the decompressors are dlopen()ed too: only the plugin directory's files count).
loaded() {
	LD_DEBUG=files "$BUSALIAS" $NOCONF "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	n_loaded=$(grep 'dynamically loaded by' "$TMP/err" | grep -c "file=$TMP/p/")
	grep -v '^ *[0-9]*:' "$TMP/err" >"$TMP/err.msg"
	mv "$TMP/err.msg" "$TMP/err"
}
expect_loaded() {  # WANT WHAT
	[ "$n_loaded" -eq "$1" ] && ok || fail "$2: $n_loaded plugins dlopen()ed, expected $1"
}

# 1. No index: every plugin, as always.
loaded gen --plugin-dir "$TMP/p" "$TMP/full.ko"
expect_rc 0 "gen without an index"
expect_loaded "$n_plugins" "gen without an index"
cp "$TMP/out" "$TMP/want"

# 2. The index: one line a plugin, after its header.
"$BUSALIAS" $NOCONF plugins --write-index --plugin-dir "$TMP/p" >"$TMP/out" 2>"$TMP/err"
rc=$?
expect_rc 0 "plugins --write-index"
[ -s "$TMP/out" ] && fail "plugins --write-index printed: $(cat "$TMP/out")" || ok
[ "$(head -n 1 "$TMP/p/plugins.index")" = "# busalias plugins.index 1" ] && ok || fail "index header"
[ "$(grep -vc '^#' "$TMP/p/plugins.index")" -eq "$n_plugins" ] && ok || fail "index: not one line a plugin"
grep -q "^pci.so	[0-9]*	[0-9]*	[0-9]*	pci	pci	pci$" "$TMP/p/plugins.index" && ok ||
	fail "index: no pci line: $(grep pci "$TMP/p/plugins.index")"

# 3. With it, gen loads the three plugins of the module's tables, and prints the same.
loaded gen --plugin-dir "$TMP/p" "$TMP/full.ko"
expect_rc 0 "gen with an index"
expect_loaded 3 "gen with an index"
expect_file "$TMP/want" "$TMP/out" "gen with an index"
# match --device, bind, restore and status load the plugins that bind a bus (acpi, pci, platform) only.
mkdir -p "$TMP/sys/bus"
loaded status --plugin-dir "$TMP/p" --sysfs-root "$TMP/sys" --alias-file /dev/null
expect_loaded 3 "status with an index"
loaded match --plugin-dir "$TMP/p" --sysfs-root "$TMP/sys" --device pci:0000:00:01.0 --alias-file /dev/null
expect_loaded 3 "match --device with an index"
# plugins lists them all, in file name order.
loaded plugins --plugin-dir "$TMP/p"
expect_rc 0 "plugins with an index"
expect_loaded "$n_plugins" "plugins with an index"
[ "$(grep -vc '^#' "$TMP/out")" -eq "$n_plugins" ] && ok || fail "plugins with an index: not every plugin listed"
cut -f1 "$TMP/out" | grep -v '^#' >"$TMP/names"
sort "$TMP/names" | cmp -s - "$TMP/names" && ok || fail "plugins with an index: not in name order"

# 4. A plugin changed since the index was written (its time): the index is stale, every plugin is loaded.
touch "$TMP/p/usb.so"
loaded gen --plugin-dir "$TMP/p" "$TMP/full.ko"
expect_rc 0 "gen, stale index"
expect_loaded "$n_plugins" "gen, stale index"
expect_file "$TMP/want" "$TMP/out" "gen, stale index"
# A plugin added since: stale too.
"$BUSALIAS" $NOCONF plugins --write-index --plugin-dir "$TMP/p" 2>"$TMP/err" || fail "write-index again"
cp "$TMP/p/pci.so" "$TMP/p/pci2.so"
loaded gen --plugin-dir "$TMP/p" "$TMP/full.ko"
expect_loaded $((n_plugins + 1)) "gen, plugin added since the index"  # pci2 too, then refused
expect_err "pci2.so: plugin 'pci' already loaded" "gen, plugin added since the index: the clash is said as without an index"
rm "$TMP/p/pci2.so"

# 5. An index that says another plugin has the table type: found out when that plugin is loaded, said,
# and then every plugin is loaded, so the output is still complete (exit status 3).
"$BUSALIAS" $NOCONF plugins --write-index --plugin-dir "$TMP/p" 2>"$TMP/err" || fail "write-index again"
awk -F'\t' 'BEGIN { OFS = "\t" } $1 == "usb.so" { $7 = $7 ",pci" } $1 == "pci.so" { $7 = "-" } { print }' \
	"$TMP/p/plugins.index" >"$TMP/idx" && cat "$TMP/idx" >"$TMP/p/plugins.index"
loaded gen --plugin-dir "$TMP/p" "$TMP/full.ko"
expect_rc 3 "gen, index that lies"
expect_err "usb.so: the plugin declares other table types or another bus than plugins.index says; loading every plugin" \
	"gen, index that lies"
expect_file "$TMP/want" "$TMP/out" "gen, index that lies"

# 6. A directory with a refused plugin gets no index.
cp "$TMP/p/pci.so" "$TMP/p/zz-pci-again.so"
rm -f "$TMP/p/plugins.index"
"$BUSALIAS" $NOCONF plugins --write-index --plugin-dir "$TMP/p" >"$TMP/out" 2>"$TMP/err"
rc=$?
expect_rc 2 "write-index with a refused plugin"
expect_err "not writing plugins.index: a plugin was refused" "write-index with a refused plugin"
[ -e "$TMP/p/plugins.index" ] && fail "write-index with a refused plugin wrote an index" || ok

finish
