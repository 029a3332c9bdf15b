# Shared helpers for the busalias CLI tests (sourced; POSIX sh + bash-isms avoided).
set -u
. ./tests/cli/env.sh || { echo "tests/cli/env.sh missing: run through make check" >&2; exit 99; }
EXPECTED=$CLI_SRCDIR/expected
# dlopen'd plugins under ASan: keep them mapped so leak reports can symbolize.
export BUSALIAS_NO_DLCLOSE=1
# No site configuration may leak in.
NOCONF=--config=/dev/null
TMP=$(mktemp -d "${TMPDIR:-/tmp}/busalias-cli.XXXXXX") || exit 99
trap 'rm -rf "$TMP"' EXIT
failures=0
checks=0

fail() {
	echo "FAIL: $*" >&2
	failures=$((failures + 1))
}

ok() {
	checks=$((checks + 1))
}

# gen ARGS... : run busalias gen with the build's plugins; sets $rc, $TMP/out, $TMP/err
gen() {
	"$BUSALIAS" $NOCONF gen --plugin-dir "$PLUGIN_DIR" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
}

# expect_rc WANT WHAT
expect_rc() {
	if [ "$rc" -ne "$1" ]; then
		fail "$2: exit status $rc, expected $1"
		sed 's/^/  stderr: /' "$TMP/err" >&2
	else
		ok
	fi
}

# expect_file EXPECTED ACTUAL WHAT
# BUSALIAS_REGEN_EXPECTED=1 rewrites tests/cli/expected/ from the actual output (review the diff!).
expect_file() {
	case $1 in "$EXPECTED"/*) [ -n "${BUSALIAS_REGEN_EXPECTED:-}" ] && cp "$2" "$1" ;; esac
	if ! cmp -s "$1" "$2"; then
		fail "$3: output differs from $1"
		diff -u "$1" "$2" | head -20 >&2
	else
		ok
	fi
}

# expect_err PATTERN WHAT (grep -F on stderr)
expect_err() {
	if ! grep -qF -- "$1" "$TMP/err"; then
		fail "$2: stderr lacks '$1'"
		sed 's/^/  stderr: /' "$TMP/err" >&2
	else
		ok
	fi
}

mkmod() {
	"$MKMODULE" "$@" || { echo "mkmodule $* failed" >&2; exit 99; }
}

finish() {
	echo "$checks checks passed, $failures failed"
	[ "$failures" -eq 0 ]
	exit $?
}
