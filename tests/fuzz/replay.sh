#!/bin/bash
# make check: every regression input of tests/fuzz/regressions/ through the ordinary busalias, as
# the harness would use it: fuzz-module* inputs as `busalias gen` of a module file with the
# harness's suffix (.ko, .ko.gz, .ko.xz, .ko.zst); fuzz-aliasdb inputs as `busalias match
# --alias-file BODY [--all] MODALIAS` (first line: modalias); fuzz-config inputs as `busalias
# --config FILE version`.  Each run must end without a signal, a timeout or a sanitizer report (in
# an ASan/UBSan build).  fuzz-sysfs inputs need the harness's fake tree: run.sh (make fuzz) replays
# them.  Inputs of findings still listed in tests/fuzz/known-open may fail (XFAIL).
set -u
. ./tests/fuzz/env.sh || { echo "tests/fuzz/env.sh missing: run through make check" >&2; exit 99; }
export BUSALIAS_NO_DLCLOSE=1
TMP=$(mktemp -d "${TMPDIR:-/tmp}/busalias-replay.XXXXXX") || exit 99
trap 'rm -rf "$TMP"' EXIT
# A regression that hangs again must fail, not hang the suite.
LIMIT=${REPLAY_TIMEOUT:-5}
checks=0 failures=0 xfail=0 skipped=0

known_open() { # known_open HARNESS ID
	awk -v h="$1" -v id="$2" '
		/^#/ || NF < 3 { next }
		{ g = $1; gsub(/\./, "\\.", g); gsub(/\*/, ".*", g); if (h ~ ("^" g "$") && $2 == id) found = 1 }
		END { exit !found }' "$FUZZ_SRCDIR/known-open"
}

# run WHAT COMMAND...: no signal, no timeout, no sanitizer report
run() {
	local what=$1 rc
	shift
	timeout -k 5 "$LIMIT" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
	rc=$?
	if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
		echo "$what: timed out after ${LIMIT}s"
		return 1
	fi
	if [ $rc -ge 128 ]; then
		echo "$what: killed by signal $((rc - 128))"
		return 1
	fi
	if grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' "$TMP/err"; then
		echo "$what: sanitizer report"
		grep -E 'ERROR:|runtime error:|SUMMARY:' "$TMP/err" | head -n 3 | sed 's/^/  /'
		return 1
	fi
	return 0
}

for dir in "$FUZZ_SRCDIR"/regressions/*/; do
	h=$(basename "$dir")
	for f in "$dir"*; do
		[ -f "$f" ] || continue
		base=$(basename "$f")
		case $base in README* | *.md) continue ;; esac
		id=$(echo "$base" | sed -n 's/^\(F[0-9][0-9]*\)-.*/\1/p')
		ok=1
		case $h in
		fuzz-module | fuzz-module-gz | fuzz-module-xz | fuzz-module-zst)
			suffix=.ko
			case $h in *-gz) suffix=.ko.gz ;; *-xz) suffix=.ko.xz ;; *-zst) suffix=.ko.zst ;; esac
			cp "$f" "$TMP/input$suffix"
			msg=$(run "$h/$base" "$BUSALIAS" --config=/dev/null gen -j1 --plugin-dir "$PLUGIN_DIR" "$TMP/input$suffix") || ok=0
			;;
		fuzz-aliasdb)
			head -n 1 "$f" | tr -d '\000\n' >"$TMP/modalias"
			tail -n +2 "$f" >"$TMP/modules.alias"
			msg=
			for all in "" --all; do
				m=$(run "$h/$base${all:+ (--all)}" "$BUSALIAS" --config=/dev/null match --alias-file "$TMP/modules.alias" \
					--prefix '' $all -- "$(cat "$TMP/modalias")") || { ok=0; msg="$msg${msg:+; }$m"; }
			done
			;;
		fuzz-config)
			msg=$(run "$h/$base" "$BUSALIAS" --config "$f" version) || ok=0
			;;
		*)
			skipped=$((skipped + 1))
			continue
			;;
		esac
		if [ $ok = 1 ]; then
			checks=$((checks + 1))
		elif [ -n "$id" ] && known_open "$h" "$id"; then
			echo "XFAIL: $msg ($id is open: tests/fuzz/known-open)"
			xfail=$((xfail + 1))
			checks=$((checks + 1))
		else
			echo "FAIL: $msg"
			failures=$((failures + 1))
		fi
	done
done
echo "$xfail known open (XFAIL), $skipped replayed only by make fuzz"
echo "$checks checks passed, $failures failed"
[ $failures -eq 0 ]
