#!/bin/sh
# busalias plugins (text and --json), --add-plugin-dir and [core] add_plugin_dir, and help COMMAND.
. "${srcdir:-.}/tests/cli/lib.sh"

# A plugin directory of our own: the bus plugins only (the build's has one per table type, and a
# virtio plugin that the example built below would clash with).
mkdir "$TMP/stock"
for p in acpi pci platform; do cp -L "$PLUGIN_DIR/$p.so" "$TMP/stock/"; done
chmod 755 "$TMP/stock"
PLUGIN_DIR=$TMP/stock

plugins() {
	"$BUSALIAS" $NOCONF plugins "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
}

# 1. The stock plugins, in load (file name) order, tab-separated after one # line.
plugins --plugin-dir "$PLUGIN_DIR"
expect_rc 0 "plugins"
printf '# plugin\tabi\tbus\tprefix\ttables\tfile\n' >"$TMP/want"
printf 'acpi\t2.0\tacpi\t-\tacpi\t%s/acpi.so\n' "$PLUGIN_DIR" >>"$TMP/want"
printf 'pci\t2.0\tpci\tvfio_\tpci\t%s/pci.so\n' "$PLUGIN_DIR" >>"$TMP/want"
printf 'platform\t2.0\tplatform\tvfio_\tplatform\t%s/platform.so\n' "$PLUGIN_DIR" >>"$TMP/want"
expect_file "$TMP/want" "$TMP/out" "plugins"
[ -s "$TMP/err" ] && fail "plugins: a message: $(cat "$TMP/err")" || ok
plugins --plugin-dir "$PLUGIN_DIR" --json
expect_rc 0 "plugins --json"
if command -v python3 >/dev/null; then
	python3 - "$TMP/out" "$PLUGIN_DIR" <<'PY' && ok || fail "plugins --json: $(cat "$TMP/out")"
import json, sys
d = json.load(open(sys.argv[1]))["plugins"]
assert [p["name"] for p in d] == ["acpi", "pci", "platform"], d
pci = d[1]
assert pci == {"name": "pci", "description": "PCI device tables and pci bus binding",
               "file": sys.argv[2] + "/pci.so", "abi": "2.0", "tables": ["pci"], "bus": "pci",
               "match_prefix": "vfio_"}, pci
assert d[0]["match_prefix"] is None and d[0]["bus"] == "acpi"
PY
fi
plugins --plugin-dir "$PLUGIN_DIR" extra-arg
expect_rc 2 "plugins with an argument"
expect_err "busalias: error: plugins: unexpected argument 'extra-arg'" "plugins with an argument"

# 2. A refused plugin is reported as by every command (one line naming it), the others listed, exit 3;
#    no usable plugin at all: exit 2.
mkdir "$TMP/p-bad"
cp -L "$PLUGIN_DIR"/*.so "$TMP/p-bad/"
echo "not a shared object" >"$TMP/p-bad/broken.so"
chmod 755 "$TMP/p-bad"
plugins --plugin-dir "$TMP/p-bad"
expect_rc 3 "plugins with a refused plugin"
expect_err "busalias: error: $TMP/p-bad/broken.so: cannot load plugin: " "plugins with a refused plugin"
[ "$(wc -l <"$TMP/err")" -eq 1 ] && ok || fail "refused plugin: not one line: $(cat "$TMP/err")"
[ "$(grep -vc '^#' "$TMP/out")" -eq 3 ] && ok || fail "refused plugin: the others not listed: $(cat "$TMP/out")"
mkdir "$TMP/p-empty"
plugins --plugin-dir "$TMP/p-empty"
expect_rc 2 "plugins, none usable"
expect_err "busalias: error: $TMP/p-empty: no usable plugins" "plugins, none usable"
[ -s "$TMP/out" ] && fail "plugins, none usable: output: $(cat "$TMP/out")" || ok

# 3. --add-plugin-dir: loaded after the plugin directory, repeatable; the first of two plugins of one
#    name stays, the second is refused as "already loaded" (exit 3).  Built from the example plugin.
mkdir "$TMP/p-extra" "$TMP/p-extra2"
if ${CC:-cc} -O2 -shared -fPIC -fvisibility=hidden -I"$CLI_SRCDIR/../../include" \
	-o "$TMP/p-extra/virtio.so" "$CLI_SRCDIR/../../examples/plugin-virtio/virtio.c" 2>"$TMP/cc.err"; then
	plugins --plugin-dir "$PLUGIN_DIR" --add-plugin-dir "$TMP/p-extra"
	expect_rc 0 "--add-plugin-dir"
	{ cat "$TMP/want"; printf 'virtio\t2.0\t-\t-\tvirtio\t%s/p-extra/virtio.so\n' "$TMP"; } >"$TMP/want-added"
	expect_file "$TMP/want-added" "$TMP/out" "--add-plugin-dir: added after the plugin directory"
	# gen uses the added plugin's tables.
	mkmod -o "$TMP/full.ko" --machine x86_64
	gen --add-plugin-dir "$TMP/p-extra" "$TMP/full.ko"
	expect_rc 0 "gen --add-plugin-dir"
	expect_file "$EXPECTED/full.txt" "$TMP/out" "gen --add-plugin-dir"
	# The same plugin twice: the later one is refused, naming both files.
	cp "$TMP/p-extra/virtio.so" "$TMP/p-extra2/virtio.so"
	plugins --plugin-dir "$PLUGIN_DIR" --add-plugin-dir "$TMP/p-extra" --add-plugin-dir "$TMP/p-extra2"
	expect_rc 3 "two added directories with the same plugin"
	expect_err "busalias: error: $TMP/p-extra2/virtio.so: plugin 'virtio' already loaded from $TMP/p-extra/virtio.so; ignoring this one" \
		"same plugin name twice"
	expect_file "$TMP/want-added" "$TMP/out" "same plugin name twice: the first is kept"
	# A stock plugin's name in an added directory: the stock one stays.
	cp -L "$PLUGIN_DIR/pci.so" "$TMP/p-extra2/pci.so"
	plugins --plugin-dir "$PLUGIN_DIR" --add-plugin-dir "$TMP/p-extra2"
	expect_rc 3 "an added pci plugin"
	expect_err "busalias: error: $TMP/p-extra2/pci.so: plugin 'pci' already loaded from $PLUGIN_DIR/pci.so; ignoring this one" \
		"an added pci plugin"
	# [core] add_plugin_dir, repeatable, before the command line's.
	printf '[core]\nplugin_dir = %s\nadd_plugin_dir = %s\n' "$PLUGIN_DIR" "$TMP/p-extra" >"$TMP/add.conf"
	"$BUSALIAS" --config "$TMP/add.conf" plugins >"$TMP/out" 2>"$TMP/err"
	rc=$?
	expect_rc 0 "[core] add_plugin_dir"
	expect_file "$TMP/want-added" "$TMP/out" "[core] add_plugin_dir"
	"$BUSALIAS" --config "$TMP/add.conf" plugins --add-plugin-dir "$TMP/p-extra2" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	expect_rc 3 "[core] add_plugin_dir, then --add-plugin-dir"
	expect_err "$TMP/p-extra2/virtio.so: plugin 'virtio' already loaded from $TMP/p-extra/virtio.so" \
		"[core] add_plugin_dir comes before --add-plugin-dir"
else
	echo "SKIP: cannot build the example plugin: $(cat "$TMP/cc.err")"
fi
# --plugin-dir replaces the directory the added ones come after.
plugins --plugin-dir "$TMP/p-empty" --add-plugin-dir "$PLUGIN_DIR"
expect_rc 3 "--plugin-dir empty, --add-plugin-dir stock"
expect_err "busalias: error: $TMP/p-empty: no usable plugins" "--plugin-dir empty, --add-plugin-dir stock"
[ "$(grep -vc '^#' "$TMP/out")" -eq 3 ] && ok || fail "--add-plugin-dir after an empty --plugin-dir: $(cat "$TMP/out")"
# A missing added directory: named; the others used; exit 3.
plugins --plugin-dir "$PLUGIN_DIR" --add-plugin-dir "$TMP/no-such-dir"
expect_rc 3 "missing added directory"
expect_err "busalias: error: $TMP/no-such-dir: cannot open plugin directory: No such file or directory" \
	"missing added directory"
printf '[core]\nadd_plugin_dir = relative/dir\n' >"$TMP/rel.conf"
"$BUSALIAS" --config "$TMP/rel.conf" plugins >"$TMP/out" 2>"$TMP/err"
rc=$?
expect_rc 2 "[core] add_plugin_dir relative"
expect_err "busalias: error: $TMP/rel.conf:2: [core] add_plugin_dir: expected an absolute path, got 'relative/dir'" \
	"[core] add_plugin_dir relative"

# 4. help COMMAND is COMMAND --help; help alone, help help and help version are the general help.
for c in gen match bind restore status plugins; do
	"$BUSALIAS" $NOCONF help $c >"$TMP/help" 2>"$TMP/err"
	rc=$?
	expect_rc 0 "help $c"
	"$BUSALIAS" $NOCONF $c --help >"$TMP/out" 2>"$TMP/err"
	expect_file "$TMP/out" "$TMP/help" "help $c = $c --help"
	head -n 1 "$TMP/help" | grep -q "^Usage: busalias $c " && ok || fail "help $c: $(head -n 1 "$TMP/help")"
done
"$BUSALIAS" $NOCONF --help >"$TMP/general" 2>&1
for args in "help" "help help" "help version"; do
	# shellcheck disable=SC2086
	"$BUSALIAS" $NOCONF $args >"$TMP/out" 2>"$TMP/err"
	rc=$?
	expect_rc 0 "$args"
	expect_file "$TMP/general" "$TMP/out" "$args is the general help"
done
grep -q '^  plugins ' "$TMP/general" && ok || fail "the general help does not list plugins"
"$BUSALIAS" $NOCONF help frobnicate >"$TMP/out" 2>"$TMP/err"
rc=$?
expect_rc 2 "help of an unknown command"
expect_err "busalias: error: unknown command 'frobnicate'" "help of an unknown command"
"$BUSALIAS" $NOCONF help gen match >"$TMP/out" 2>"$TMP/err"
rc=$?
expect_rc 2 "help with two commands"
"$BUSALIAS" $NOCONF help gen >/dev/full 2>"$TMP/err"
rc=$?
expect_rc 6 "help gen >/dev/full"

finish
