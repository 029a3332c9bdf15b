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
