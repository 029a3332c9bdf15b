#!/bin/bash
# Runs the libFuzzer harnesses of a --enable-fuzzing build: for each harness, first every input of
# tests/fuzz/regressions/HARNESS/ once, then FUZZ_SECONDS of fuzzing on the seed corpus plus the
# corpus kept from earlier runs.  Prints per harness the executions, exec/s, coverage (cov/ft) and
# corpus size; exits non-zero on any finding (crash, sanitizer report, invariant, timeout,
# out-of-memory, leak) that tests/fuzz/known-open does not list as an open, known one.
#
# Usage: tests/fuzz/run.sh [HARNESS...]          (default: every harness built; `make fuzz` runs this)
# Environment:
#   FUZZ_BUILDDIR  the build's tests/fuzz directory (default: ./tests/fuzz)
#   FUZZ_SECONDS   seconds of fuzzing per harness (default 60; 0: only replay the regressions)
#   FUZZ_TIMEOUT   seconds one input may take (default 5)
#   FUZZ_RSS_MB    memory limit of a harness (default 2048)
#   FUZZ_FORK      1: libFuzzer's -fork=1 mode, which keeps going past crashes and timeouts (each
#                  finding is then classified at the end); 0: stop at the first finding;
#                  auto (default): fork mode for harnesses with known open findings
#   FUZZ_SEEDS     seed corpus (default FUZZ_BUILDDIR/seeds, made by `make fuzz-corpus`)
#   FUZZ_CORPUS    where the growing corpus is kept (default FUZZ_BUILDDIR/corpus)
#   FUZZ_ARGS      more libFuzzer options for every harness (e.g. -fork=2 with FUZZ_FORK=1)
#   FUZZ_STRICT    1: known open findings fail the run too
# Findings of a run are left in FUZZ_BUILDDIR/findings/HARNESS/, the logs in FUZZ_BUILDDIR/logs/.
set -uo pipefail
# Reports hold arbitrary bytes: match them as bytes ('.' must cross invalid UTF-8).
export LC_ALL=C
src=$(cd "$(dirname "$0")" && pwd)
bdir=${FUZZ_BUILDDIR:-$PWD/tests/fuzz}
bdir=$(cd "$bdir" && pwd) || { echo "run.sh: no build directory $bdir" >&2; exit 2; }
seconds=${FUZZ_SECONDS:-60}
timeout=${FUZZ_TIMEOUT:-5}
rss=${FUZZ_RSS_MB:-2048}
fork=${FUZZ_FORK:-auto}
seeds=${FUZZ_SEEDS:-$bdir/seeds}
corpus=${FUZZ_CORPUS:-$bdir/corpus}
known_file=$src/known-open
[ "${FUZZ_STRICT:-0}" = 1 ] && known_file=/dev/null
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:symbolize=1:allocator_may_return_null=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

all_harnesses=(fuzz-module fuzz-module-gz fuzz-module-xz fuzz-module-zst fuzz-aliasdb fuzz-config fuzz-sysfs)
if [ $# -gt 0 ]; then harnesses=("$@"); else harnesses=("${all_harnesses[@]}"); fi

dict_of() {
	case $1 in
	fuzz-module*) echo "$src/elf.dict" ;;
	fuzz-aliasdb) echo "$src/alias.dict" ;;
	fuzz-config) echo "$src/config.dict" ;;
	fuzz-sysfs) echo "$src/sysfs.dict" ;;
	esac
}

# Largest input libFuzzer makes (the seeds are a few KiB; a modules.alias may be longer).
max_len_of() {
	case $1 in
	fuzz-module*) echo 16384 ;;
	fuzz-aliasdb) echo 16384 ;;
	fuzz-config) echo 4096 ;;
	fuzz-sysfs) echo 4096 ;;
	esac
}

# known-open lines: HARNESS-GLOB ID ERE [&& ERE...]; prints the ID whose EREs all match file $2
# (the signature of a finding of harness $1), if any.
known_id() {
	local h=$1 sig=$2 glob id res ere ok
	[ -f "$known_file" ] || return 1
	while read -r glob id res; do
		case $glob in '' | '#'*) continue ;; esac
		# shellcheck disable=SC2254
		case $h in $glob) ;; *) continue ;; esac
		ok=1
		while [ -n "$res" ]; do
			ere=${res%% && *}
			[ "$ere" = "$res" ] && res= || res=${res#* && }
			grep -aqE -- "$ere" "$sig" || { ok=0; break; }
		done
		[ $ok = 1 ] && { echo "$id"; return 0; }
	done <"$known_file"
	return 1
}

# Is finding ID (any, if empty) listed as open for harness $1?
known_listed() {
	[ -f "$known_file" ] && awk -v h="$1" -v id="$2" '
		/^#/ || NF < 3 { next }
		{ g = $1; gsub(/\./, "\\.", g); gsub(/\*/, ".*", g); if (h ~ ("^" g "$") && (id == "" || $2 == id)) found = 1 }
		END { exit !found }' "$known_file"
}

# Run one input once; writes its output to $3, the lines that characterise a finding to $4.
# Returns the harness's exit status.
replay_one() {
	local bin=$1 input=$2 log=$3 sig=$4 t=$5 rc
	("$bin" -timeout="$t" -rss_limit_mb="$rss" -runs=1 "$input"; exit $?) >"$log" 2>&1
	rc=$?
	{
		grep -aE 'ERROR: (AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|libFuzzer)|runtime error:|fuzz invariant failed|^SUMMARY:|ALARM: working' "$log"
		grep -aE '^ +#[0-9]+ 0x[0-9a-f]+ in ' "$log" | grep -avE ' in (__sanitizer|__asan|__ubsan|__interceptor|fuzzer::|__libc|abort|raise|gsignal|_start|main |LLVMFuzzerTestOneInput)' | head -n 12
	} >"$sig"
	return $rc
}

# Classify a failing input: prints "known ID", or "new: <first line of the report>".
classify() {
	local h=$1 sig=$2 id
	if id=$(known_id "$h" "$sig"); then
		echo "known $id"
	else
		# The first report line without addresses and pids, and the first frame of busalias's code.
		echo "new: $(grep -a -m1 -E 'runtime error:|fuzz invariant failed|ERROR:' "$sig" |
			sed -E 's/==[0-9]+==//; s/ on address 0x[0-9a-f]+.*//; s/:[0-9]+:[0-9]+: / /' | cut -c1-160)$(
			grep -a -E '^ +#[0-9]+ ' "$sig" | grep -a -m1 -E '/(core|plugins|tests/fuzz)/' |
			sed -E 's/^ *#[0-9]+ 0x[0-9a-f]+ (in [^ ]+).*/ \1/')"
	fi
}

# The whole run is one function, read before it starts: editing this file during a long campaign
# (git pull) cannot derail it.
main() {
	mkdir -p "$bdir/logs"
	total_new=0
	summary=()
	for h in "${harnesses[@]}"; do
		bin=$bdir/$h
		if [ ! -x "$bin" ]; then
			echo "=== $h: not built (configure CC=clang --enable-fuzzing)"
			total_new=$((total_new + 1))
			summary+=("$h: not built")
			continue
		fi
		name=${h#fuzz-}
		findings=$bdir/findings/$h
		rm -rf "$findings"
		mkdir -p "$findings" "$corpus/$name"
		new=0 known=0 replayed=0
		declare -A known_seen=() new_seen=() new_example=()

		# 1. Regression inputs: each once.
		for f in "$src/regressions/$h"/*; do
			[ -f "$f" ] || continue
			case $(basename "$f") in README* | *.md) continue ;; esac
			replayed=$((replayed + 1))
			id=$(basename "$f" | sed -n 's/^\(F[0-9][0-9]*\)-.*/\1/p')
			if replay_one "$bin" "$f" "$findings/replay.log" "$findings/replay.sig" "$timeout"; then
				if [ -n "$id" ] && known_listed "$h" "$id"; then
					echo "=== $h: regression $(basename "$f") passes: $id looks fixed; take it out of tests/fuzz/known-open"
				fi
				continue
			fi
			verdict=$(classify "$h" "$findings/replay.sig")
			case $verdict in
			known*)
				known=$((known + 1))
				known_seen[${verdict#known }]=1
				echo "=== $h: regression $(basename "$f"): $verdict (open, tests/fuzz/FINDINGS.md)"
				;;
			*)
				new=$((new + 1))
				cp "$findings/replay.log" "$findings/regression-$(basename "$f").log"
				echo "=== $h: REGRESSION $(basename "$f") fails: ${verdict#new: }"
				sed 's/^/    /' "$findings/replay.sig" | head -n 8
				;;
			esac
		done
		rm -f "$findings/replay.log" "$findings/replay.sig"

		# 2. Fuzzing.
		if [ "$seconds" -gt 0 ]; then
			use_fork=$fork
			if [ "$use_fork" = auto ]; then
				use_fork=0
				known_listed "$h" "" && use_fork=1
			fi
			opts=(-max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb="$rss" -max_len="$(max_len_of "$h")"
			      -dict="$(dict_of "$h")" -print_final_stats=1 -artifact_prefix="$findings/")
			[ "$use_fork" = 1 ] && opts+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
			dirs=("$corpus/$name")
			[ -d "$seeds/$name" ] && dirs+=("$seeds/$name")
			log=$bdir/logs/$h.log
			# In a subshell that exits itself, so that bash does not report a harness killed by a signal.
			# shellcheck disable=SC2086
			("$bin" "${opts[@]}" ${FUZZ_ARGS:-} "${dirs[@]}"; exit $?) >"$log" 2>&1
			rc=$?

			# Statistics: the last status line (fork mode) or the final stats.
			last=$(grep -E '^#[0-9]+:?[[:space:]]' "$log" | grep -E 'cov: ' | tail -n 1)
			cov=$(echo "$last" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
			ft=$(echo "$last" | sed -n 's/.*ft: \([0-9]*\).*/\1/p')
			execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
			eps=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
			if [ -z "$execs" ]; then
				execs=$(echo "$last" | sed -n 's/^#\([0-9]*\).*/\1/p')
				t=$(echo "$last" | sed -n 's/.*time: \([0-9]*\)s.*/\1/p')
				[ -n "$execs" ] && [ -n "$t" ] && [ "$t" -gt 0 ] && eps=$((execs / t))
			fi
			files=$(find "$corpus/$name" -type f | wc -l)
			bytes=$(du -sk "$corpus/$name" | cut -f1)

			# Findings of this run.
			n_art=0
			for a in "$findings"/crash-* "$findings"/timeout-* "$findings"/oom-* "$findings"/leak-* "$findings"/slow-unit-*; do
				[ -f "$a" ] || continue
				case $a in *.log | *.sig) continue ;; esac
				n_art=$((n_art + 1))
				kind=$(basename "$a" | sed 's/-[0-9a-f]*$//')
				t=$timeout
				# A timeout is replayed with a shorter limit, so that libFuzzer reports where it spins.
				[ "$kind" = timeout ] && t=$(( (timeout + 1) / 2 ))
				if replay_one "$bin" "$a" "$a.log" "$a.sig" "$t"; then
					if [ "$kind" = slow-unit ]; then
						rm -f "$a" "$a.log" "$a.sig"
						continue
					fi
					verdict="new: $kind, but it does not reproduce on its own (see $a.log and $log)"
				else
					verdict=$(classify "$h" "$a.sig")
				fi
				case $verdict in
				known*)
					known=$((known + 1))
					known_seen[${verdict#known }]=1
					rm -f "$a" "$a.log" "$a.sig"
					;;
				*)
					new=$((new + 1))
					v=${verdict#new: }
					new_seen[$v]=$(( ${new_seen[$v]:-0} + 1 ))
					[ -n "${new_example[$v]:-}" ] || new_example[$v]=$a
					;;
				esac
			done
			# One report per distinct finding: how often, one reproducer and its report lines.
			for v in "${!new_seen[@]}"; do
				echo "=== $h: NEW FINDING (${new_seen[$v]} inputs, e.g. ${new_example[$v]}): $v"
				sed 's/^/    /' "${new_example[$v]}.sig" | head -n 8
			done
			if [ "$rc" -ne 0 ] && [ "$n_art" -eq 0 ]; then
				new=$((new + 1))
				echo "=== $h: libFuzzer exited with status $rc without a finding; see $log"
				tail -n 5 "$log" | sed 's/^/    /'
			fi
			stats="${execs:-?} execs, ${eps:-?} exec/s, cov: ${cov:-?} ft: ${ft:-?}, corpus $files files ($bytes KiB)"
		else
			stats="no fuzzing (FUZZ_SECONDS=0)"
		fi
		ks=""
		[ ${#known_seen[@]} -gt 0 ] && ks=", known open: $(echo "${!known_seen[@]}" | tr ' ' '\n' | sort | tr '\n' ' ' | sed 's/ $//')"
		line="$h: $stats; $replayed regression inputs; $new new findings$ks"
		echo "=== $line"
		summary+=("$line")
		total_new=$((total_new + new))
		unset known_seen new_seen new_example
		rmdir "$findings" 2>/dev/null
	done

	echo "=== fuzz summary (${seconds}s per harness, timeout ${timeout}s)"
	printf '  %s\n' "${summary[@]}"
	if [ "$total_new" -gt 0 ]; then
		echo "=== $total_new new finding(s): reproducers in $bdir/findings/; tests/fuzz/README.md says how to file them"
		exit 1
	fi
	exit 0
}
main "$@"
exit $?
