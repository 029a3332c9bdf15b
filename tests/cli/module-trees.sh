#!/bin/sh
# Where the module tree is: -b ROOT finds ROOT/lib/modules/VERSION, else ROOT/usr/lib/modules/VERSION
# (Debian 13 and later); neither is one error naming both.  -m/--moduledir as depmod's (relative to
# the root, no fallback), --module-root and the configuration's moduledir/module_root.  The same
# lookup serves match's modules.alias.
. "${srcdir:-.}/tests/cli/lib.sh"

V=6.1.0-test
W=$TMP/walk
mkdir -p "$W/kernel/net" "$W/extra"
mkmod -o "$W/kernel/net/zeta.ko" --machine x86_64 --name zeta
mkmod -o "$W/extra/alpha-drv.ko" --machine x86_64 --no-name
gen "$W"
expect_rc 0 "reference tree"
cp "$TMP/out" "$TMP/want"
[ -s "$TMP/want" ] && ok || fail "reference tree: no output"
# A tree with other content, to tell which one was read.
O=$TMP/other
mkdir -p "$O"
mkmod -o "$O/other.ko" --machine x86_64 --name other_mod
gen "$O"
cp "$TMP/out" "$TMP/want-other"

# 1. Only usr/lib/modules (a Debian 13 root without the /lib symlink).
U=$TMP/usr-only
mkdir -p "$U/usr/lib/modules"
cp -r "$W" "$U/usr/lib/modules/$V"
gen -b "$U" -k $V
expect_rc 0 "-b ROOT with only usr/lib/modules"
expect_file "$TMP/want" "$TMP/out" "-b ROOT with only usr/lib/modules"
[ -s "$TMP/err" ] && fail "usr/lib/modules: a message: $(cat "$TMP/err")" || ok
gen --json -b "$U" -k $V
grep -qF "\"path\":\"$U/usr/lib/modules/$V/kernel/net/zeta.ko\"" "$TMP/out" && ok ||
	fail "usr/lib/modules: JSON paths not under usr/lib/modules: $(head -c 300 "$TMP/out")"

# 2. Both: lib/modules wins (on a merged-/usr root both name the same directory anyway).
B=$TMP/both
mkdir -p "$B/lib/modules" "$B/usr/lib/modules"
cp -r "$W" "$B/lib/modules/$V"
cp -r "$O" "$B/usr/lib/modules/$V"
gen -b "$B" -k $V
expect_rc 0 "-b ROOT with both"
expect_file "$TMP/want" "$TMP/out" "-b ROOT with both: lib/modules is read"
# ... merged /usr: lib -> usr/lib
M=$TMP/merged
mkdir -p "$M/usr/lib/modules"
ln -s usr/lib "$M/lib"
cp -r "$W" "$M/usr/lib/modules/$V"
gen -b "$M" -k $V
expect_rc 0 "-b ROOT, merged /usr"
expect_file "$TMP/want" "$TMP/out" "-b ROOT, merged /usr"

# 3. Neither: one error naming both, exit 6 (an input that cannot be read), nothing on stdout.
N=$TMP/neither
mkdir -p "$N/lib/modules/other" "$N/usr/lib/modules"
gen -b "$N" -k $V
expect_rc 6 "-b ROOT with neither tree"
expect_err "busalias: error: $N/lib/modules/$V: No such file or directory (nor $N/usr/lib/modules/$V)" \
	"-b ROOT with neither tree"
[ "$(wc -l <"$TMP/err")" -eq 1 ] && ok || fail "neither tree: not one line: $(cat "$TMP/err")"
[ -s "$TMP/out" ] && fail "neither tree: output: $(cat "$TMP/out")" || ok
# -o keeps the old file
echo "old" >"$TMP/keep.alias"
gen -b "$N" -k $V -o "$TMP/keep.alias"
expect_rc 6 "neither tree, -o"
[ "$(cat "$TMP/keep.alias")" = old ] && ok || fail "neither tree, -o: the old file was replaced"

# 4. -m/--moduledir: BASEDIR/MODULEDIR/VERSION, relative to the root with or without '/', no fallback.
mkdir -p "$B/kernel-modules"
cp -r "$O" "$B/kernel-modules/$V"
for m in kernel-modules /kernel-modules kernel-modules/ //kernel-modules; do
	gen -b "$B" -k $V -m "$m"
	expect_rc 0 "-m $m"
	expect_file "$TMP/want-other" "$TMP/out" "-m $m"
done
gen -b "$B" -k $V --moduledir=usr/lib/modules
expect_rc 0 "--moduledir=usr/lib/modules"
expect_file "$TMP/want-other" "$TMP/out" "--moduledir=usr/lib/modules picks it over lib/modules"
gen -b "$U" -k $V -m lib/modules
expect_rc 6 "-m lib/modules where only usr/lib/modules exists: no fallback"
expect_err "busalias: error: $U/lib/modules/$V: No such file or directory" "-m without fallback"
grep -qF "nor" "$TMP/err" && fail "-m: the automatic candidate is named: $(cat "$TMP/err")" || ok
gen -b "$B" -k $V -m ""
expect_rc 2 "-m ''"
expect_err "busalias: error: --moduledir: expected a directory, got ''" "-m ''"
# Without -b, -m is relative to /: the test cannot rely on / but can on the message.
gen -k $V -m /busalias-test-no-such-dir
expect_rc 6 "-m without -b"
expect_err "busalias: error: /busalias-test-no-such-dir/$V: No such file or directory" "-m without -b"

# 5. --module-root: the tree itself; -b, -m and -k do not matter then.
gen --module-root "$O" -b "$B" -k $V -m kernel-modules
expect_rc 0 "--module-root"
expect_file "$TMP/want-other" "$TMP/out" "--module-root"
gen --module-root "$TMP/no-such-tree"
expect_rc 6 "--module-root missing"
expect_err "busalias: error: $TMP/no-such-tree: No such file or directory" "--module-root missing"

# 6. The configuration: [modules] moduledir and module_root; the command line wins.
printf '[modules]\nbasedir = %s\nkernel = %s\nmoduledir = kernel-modules\n' "$B" "$V" >"$TMP/md.conf"
"$BUSALIAS" --config "$TMP/md.conf" gen --plugin-dir "$PLUGIN_DIR" >"$TMP/out" 2>"$TMP/err"
rc=$?
expect_rc 0 "[modules] moduledir"
expect_file "$TMP/want-other" "$TMP/out" "[modules] moduledir"
"$BUSALIAS" --config "$TMP/md.conf" gen --plugin-dir "$PLUGIN_DIR" -m lib/modules >"$TMP/out" 2>"$TMP/err"
rc=$?
expect_file "$TMP/want" "$TMP/out" "-m overrides [modules] moduledir"
printf '[modules]\nmoduledir =\n' >"$TMP/md-empty.conf"
"$BUSALIAS" --config "$TMP/md-empty.conf" gen --plugin-dir "$PLUGIN_DIR" "$W" >"$TMP/out" 2>"$TMP/err"
rc=$?
expect_rc 2 "[modules] moduledir empty"
expect_err "busalias: error: $TMP/md-empty.conf:2: [modules] moduledir: expected a directory, got ''" \
	"[modules] moduledir empty"
printf '[modules]\nmodule_root = %s\n' "$O" >"$TMP/mr.conf"
"$BUSALIAS" --config "$TMP/mr.conf" gen --plugin-dir "$PLUGIN_DIR" >"$TMP/out" 2>"$TMP/err"
rc=$?
expect_rc 0 "[modules] module_root"
expect_file "$TMP/want-other" "$TMP/out" "[modules] module_root"
"$BUSALIAS" --config "$TMP/mr.conf" gen --plugin-dir "$PLUGIN_DIR" --module-root "$U/usr/lib/modules/$V" \
	>"$TMP/out" 2>"$TMP/err"
rc=$?
expect_file "$TMP/want" "$TMP/out" "--module-root overrides [modules] module_root"

# 7. match finds modules.alias the same way.
MA=pci:v00008086d0000100Esv00008086sd00001234bc02sc00i00
printf 'alias pci:v00008086d0000100Esv*sd*bc*sc*i* from_usr\n' >"$U/usr/lib/modules/$V/modules.alias"
printf 'alias pci:v00008086d0000100Esv*sd*bc*sc*i* from_kernel_modules\n' >"$B/kernel-modules/$V/modules.alias"
printf 'alias pci:v00008086d0000100Esv*sd*bc*sc*i* from_root\n' >"$O/modules.alias"
match() {
	"$BUSALIAS" $NOCONF match --prefix '' "$@" "$MA" >"$TMP/out" 2>"$TMP/err"
	rc=$?
}
match -b "$U" -k $V
expect_rc 0 "match, usr/lib/modules"
[ "$(cat "$TMP/out")" = from_usr ] && ok || fail "match, usr/lib/modules: $(cat "$TMP/out" "$TMP/err")"
match -b "$B" -k $V -m kernel-modules
[ "$(cat "$TMP/out")" = from_kernel_modules ] && ok || fail "match -m: $(cat "$TMP/out" "$TMP/err")"
match --module-root "$O"
[ "$(cat "$TMP/out")" = from_root ] && ok || fail "match --module-root: $(cat "$TMP/out" "$TMP/err")"
match -b "$N" -k $V
expect_rc 6 "match, neither tree"
expect_err "busalias: error: $N/lib/modules/$V/modules.alias: cannot read modules.alias: No such file or directory (nor $N/usr/lib/modules/$V/modules.alias)" \
	"match, neither tree"
[ "$(wc -l <"$TMP/err")" -eq 1 ] && ok || fail "match, neither tree: not one line: $(cat "$TMP/err")"

finish
