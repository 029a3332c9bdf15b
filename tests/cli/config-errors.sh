#!/bin/sh
# busalias --config: bad lines reported as file:line with exit status 2; good files honoured.
. "${srcdir:-.}/tests/cli/lib.sh"

mkmod -o "$TMP/full.ko" --machine mips

# run ARGS...: busalias without the test's --config=/dev/null
run() {
	"$BUSALIAS" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
}

cat >"$TMP/bad.conf" <<EOT
# line 1
[core]
plugin_dir = not/absolute
[modules]
kernel = 6.1.0
frobnicate = yes
[bind]
modprobe = modprobe
[output]
quiet = sometimes
[nosuchsection]
key = value
EOT
for form in "--config $TMP/bad.conf gen" "gen --config $TMP/bad.conf" "--config=$TMP/bad.conf gen"; do
	# shellcheck disable=SC2086
	run $form --plugin-dir "$PLUGIN_DIR" "$TMP/full.ko"
	expect_rc 2 "bad config ($form)"
	expect_err "$TMP/bad.conf:3: [core] plugin_dir: expected an absolute path" "bad config"
	expect_err "$TMP/bad.conf:6: unknown key 'frobnicate' in section [modules]" "bad config"
	expect_err "$TMP/bad.conf:8: [bind] modprobe: expected an absolute path" "bad config"
	expect_err "$TMP/bad.conf:10: [output] quiet: expected true or false" "bad config"
	expect_err "$TMP/bad.conf:12: unknown key 'key' in section [nosuchsection]" "bad config"
	[ -s "$TMP/out" ] && fail "bad config: output produced" || ok
	# every message is one line starting with busalias:
	grep -v '^busalias: ' "$TMP/err" >/dev/null && fail "stray stderr lines: $(cat "$TMP/err")" || ok
done

printf '[core]\nplugin_dir = /x\n[modules\nkernel = 6.1.0\n' >"$TMP/syntax.conf"
run --config "$TMP/syntax.conf" gen --plugin-dir "$PLUGIN_DIR" "$TMP/full.ko"
expect_rc 2 "syntax error"
expect_err "$TMP/syntax.conf:3:" "syntax error"

run --config "$TMP/missing.conf" gen --plugin-dir "$PLUGIN_DIR" "$TMP/full.ko"
expect_rc 2 "missing explicit config"
expect_err "$TMP/missing.conf" "missing explicit config"

# Only --config FILE and --config=FILE name the file; a misspelt option before the command is
# an error, never silently taken for --config and dropped with its argument.
for opt in --config-file --configs; do
	run $opt "$TMP/bad.conf" gen --plugin-dir "$PLUGIN_DIR" "$TMP/full.ko"
	expect_rc 2 "$opt before the command"
	expect_err "busalias: error: unknown command '$opt'" "$opt before the command"
	[ -s "$TMP/out" ] && fail "$opt before the command: output produced" || ok
done

# Any error opening or reading an explicit file is one line: busalias: error: PATH: reason.
ln -s loop "$TMP/loop"
run --config "$TMP/loop" gen --plugin-dir "$PLUGIN_DIR" "$TMP/full.ko"
expect_rc 2 "--config: a symlink loop"
expect_err "busalias: error: $TMP/loop: Too many levels of symbolic links" "--config: a symlink loop"
mkdir "$TMP/conf.d"
run --config "$TMP/conf.d" gen --plugin-dir "$PLUGIN_DIR" "$TMP/full.ko"
expect_rc 2 "--config: a directory"
expect_err "busalias: error: $TMP/conf.d: Is a directory" "--config: a directory"
[ -s "$TMP/out" ] && fail "--config: a directory: output produced" || ok
ln -s "$TMP/gone.conf" "$TMP/dangling.conf"
run --config "$TMP/dangling.conf" gen --plugin-dir "$PLUGIN_DIR" "$TMP/full.ko"
expect_rc 2 "--config: a dangling symlink"
expect_err "busalias: error: $TMP/dangling.conf: No such file or directory" "--config: a dangling symlink"
if [ "$(id -u)" != 0 ]; then
	printf '[output]\nquiet = true\n' >"$TMP/secret.conf"
	chmod 000 "$TMP/secret.conf"
	run --config "$TMP/secret.conf" gen --plugin-dir "$PLUGIN_DIR" "$TMP/full.ko"
	expect_rc 2 "--config: unreadable"
	expect_err "busalias: error: $TMP/secret.conf: Permission denied" "--config: unreadable"
fi

# The default file (busalias-defconf's is $DEFCONF in the build tree): missing is fine; anything else
# that keeps it from being read is reported with its real path.  Only a symlink is ever left there.
trap 'rm -rf "$TMP"; rm -f "$DEFCONF"' EXIT
rm -f "$DEFCONF"
# defconf ARGS...: busalias-defconf without --config
defconf() {
	"$BUSALIAS_DEFCONF" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
}
defconf gen --plugin-dir "$PLUGIN_DIR" "$TMP/full.ko"
expect_rc 0 "default config missing"
expect_file "$EXPECTED/full.txt" "$TMP/out" "default config missing"
[ -s "$TMP/err" ] && fail "default config missing: a message: $(cat "$TMP/err")" || ok
printf '[core]\nplugin_dir = %s\n' "$PLUGIN_DIR" >"$TMP/default-good.conf"
ln -s "$TMP/default-good.conf" "$DEFCONF"
defconf gen "$TMP/full.ko"
expect_rc 0 "default config read"
expect_file "$EXPECTED/full.txt" "$TMP/out" "default config read"
for kind in directory loop dangling unreadable; do
	rm -f "$DEFCONF"
	case $kind in
	directory) ln -s "$TMP/conf.d" "$DEFCONF"; why="Is a directory" ;;
	loop) ln -s "$(basename "$DEFCONF")" "$DEFCONF"; why="Too many levels of symbolic links" ;;
	dangling) ln -s "$TMP/gone.conf" "$DEFCONF"; why="No such file or directory" ;;
	unreadable)
		# root reads a mode 000 file anyway
		[ "$(id -u)" = 0 ] && continue
		ln -s "$TMP/secret.conf" "$DEFCONF"; why="Permission denied" ;;
	esac
	defconf gen --plugin-dir "$PLUGIN_DIR" "$TMP/full.ko"
	expect_rc 2 "default config: $kind"
	expect_err "busalias: error: $DEFCONF: $why" "default config: $kind"
	grep -qF "(null)" "$TMP/err" && fail "default config: $kind: '(null)' in the message" || ok
	[ "$(wc -l <"$TMP/err")" -eq 1 ] && ok || fail "default config: $kind: not one line: $(cat "$TMP/err")"
	# --config names another file: the default is not read at all
	defconf --config /dev/null gen --plugin-dir "$PLUGIN_DIR" "$TMP/full.ko"
	expect_rc 0 "default config: $kind, --config /dev/null"
done
rm -f "$DEFCONF"

# A good file: plugin_dir from the file; quiet = true silences warnings but not the status.
printf '# ok\n[core]\nplugin_dir = %s\n\n[output]\nquiet = true\n' "$PLUGIN_DIR" >"$TMP/good.conf"
run --config "$TMP/good.conf" gen "$TMP/full.ko"
expect_rc 0 "good config"
expect_file "$EXPECTED/full.txt" "$TMP/out" "good config"
mkmod -o "$TMP/warn.ko" --preset warn-mask --machine mips
run --config "$TMP/good.conf" gen "$TMP/warn.ko"
expect_rc 3 "good config, quiet, warning"
[ -s "$TMP/err" ] && fail "quiet = true still printed: $(cat "$TMP/err")" || ok
# the command line overrides the file
run --config "$TMP/good.conf" gen --plugin-dir "$TMP" "$TMP/full.ko"
expect_rc 2 "--plugin-dir overrides the file"

finish
