#!/bin/bash
# Installs what is missing, builds, and runs the whole test suite:
#   unit + CLI + bind tests (make check), the same under ASan+UBSan, valgrind on the CLI, the
#   libFuzzer harnesses for FUZZ_SECONDS (15) each,
#   real-kernel conformance against modpost, QEMU end-to-end binding, and make distcheck.
# Ends with one "N passed, N failed" line; exits non-zero if anything failed.
set -uo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$src/build}
asan=${BUILD_ASAN:-$src/build-asan}
tsan=${BUILD_TSAN:-$src/build-tsan}
export BUSALIAS_TEST_CACHE=${BUSALIAS_TEST_CACHE:-/var/cache/busalias-test}
passed=0 failed=0 failures=()

step() {  # step NAME COMMAND... : run, record, keep going
	local name=$1; shift
	local t0=$SECONDS
	echo "=== $name"
	if "$@"; then
		echo "=== $name: ok ($((SECONDS - t0))s)"
	else
		echo "=== $name: FAILED ($((SECONDS - t0))s)"
		failures+=("$name")
		return 1
	fi
}

# Count what each test program checked (Criterion's synthesis, the shell suites' "N checks
# passed" or TAP "ok" lines), so the closing line counts checks, not programs.
count_suite() {
	local dir=$1 log trs counts
	while IFS= read -r log; do
		trs=${log%.log}.trs
		[ -f "$trs" ] || continue
		counts=$(awk '
			/Synthesis: Tested:/ { for (i = 1; i <= NF; i++) { if ($i == "Passing:") p = $(i + 1); if ($i == "Failing:" || $i == "Crashing:") f += $(i + 1) }; syn = 1 }
			/^[0-9]+ checks passed, [0-9]+ failed/ { p = $1; f = $4; syn = 1 }
			/^ok / { tp++ } /^not ok / { tf++ }
			END { if (syn) print p + 0, f + 0; else if (tp + tf) print tp + 0, tf + 0 }' "$log")
		if [ -z "$counts" ]; then
			if grep -q ':test-result: PASS' "$trs"; then counts="1 0"; else counts="0 1"; fi
		fi
		passed=$((passed + ${counts% *})); failed=$((failed + ${counts#* }))
	done < <(find "$dir/tests" -name '*.log' 2>/dev/null)
}

show_failed_logs() {
	local dir=$1
	find "$dir" -name '*.log' -newer "$dir/Makefile" 2>/dev/null | while read -r l; do
		t=${l%.log}.trs
		[ -f "$t" ] && grep -qE ':test-result: (FAIL|ERROR)' "$t" && { echo "--- $l"; tail -n 60 "$l"; }
	done
	return 1
}

make_check() {
	local dir=$1; shift
	env "$@" make -C "$dir" -j"$(nproc)" check >"$dir/check.out" 2>&1
	local rc=$?
	grep -E '^# (TOTAL|PASS|FAIL|ERROR|SKIP)' "$dir/check.out" || tail -n 30 "$dir/check.out"
	count_suite "$dir"
	[ $rc -eq 0 ] || show_failed_logs "$dir"
}

step "install dependencies" "$src/tools/deps.sh" test || exit 1
step "build" "$src/tools/build.sh" "$build"
[ ${#failures[@]} -eq 0 ] || { echo "0 passed, 1 failed"; exit 1; }

step "make check" make_check "$build"

# libbusalias's ABI against tests/abi/libbusalias.abi (abidiff; make update-abi to change it deliberately).
step "ABI check (abidiff)" make -C "$build" check-abi && passed=$((passed + 1)) || failed=$((failed + 1))

step "sanitizer build" "$src/tools/build.sh" "$asan" \
	CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	LDFLAGS="-fsanitize=address,undefined"
step "make check (ASan+UBSan)" make_check "$asan" BUSALIAS_NO_DLCLOSE=1 \
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

# Debian packages built from the release tree as a distribution would, lintian errors failing
# (tools/deb.sh); the busalias .deb then goes into the e2e guest, which runs its binary (E2E_DEB).
debian_package() {
	rm -rf "$build/deb" && "$src/tools/deb.sh" "$build" "$build/deb" &&
		E2E_DEB=$(ls "$build"/deb/busalias_*.deb) && export E2E_DEB
}
step "debian package" debian_package && passed=$((passed + 1)) || failed=$((failed + 1))

valgrind_gen() {
	make -C "$build" samples >/dev/null &&
	BUSALIAS_NO_DLCLOSE=1 valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
		"$build/busalias" gen --plugin-dir "$build/build-plugins" "$build/samples" >/dev/null
}
step "valgrind busalias gen" valgrind_gen && passed=$((passed + 1)) || failed=$((failed + 1))

# The libFuzzer harnesses (tests/fuzz) in their own clang build, a bounded time each: regression
# inputs first, then fuzzing from the seed corpus; any finding not listed in tests/fuzz/known-open
# fails the step.
fuzz_seconds=${FUZZ_SECONDS:-15}
fuzz_build=${BUILD_FUZZ:-$src/build-fuzz}
fuzz() {
	# Everything instrumented, the plugins too: fuzz-module dlopen()s every one of them.
	CC=clang "$src/tools/build.sh" "$fuzz_build" --enable-fuzzing \
		CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
		LDFLAGS="-fsanitize=address,undefined" || return 1
	make -C "$fuzz_build" fuzz FUZZ_SECONDS="$fuzz_seconds" >"$fuzz_build/fuzz.out" 2>&1
	local rc=$?
	grep -E '^(=== |  fuzz-)' "$fuzz_build/fuzz.out" || tail -n 30 "$fuzz_build/fuzz.out"
	return $rc
}
step "fuzz (ASan+UBSan, ${fuzz_seconds} s each)" fuzz && passed=$((passed + 1)) || failed=$((failed + 1))

for target in check-conformance check-e2e; do
	if make -C "$build" -n "$target" >/dev/null 2>&1; then
		step "make $target" make -C "$build" "$target" && passed=$((passed + 1)) || failed=$((failed + 1))
	else
		echo "=== make $target: target not present in this tree"
	fi
done
# The same oracle on other architectures' Debian kernels (ELF64 big-endian s390x, ELF32 i386, ...).
if make -C "$build" -n check-conformance-cross >/dev/null 2>&1; then
	step "make check-conformance-cross" make -C "$build" check-conformance-cross &&
		passed=$((passed + 1)) || failed=$((failed + 1))
else
	echo "=== make check-conformance-cross: target not present in this tree"
fi

# Parallel gen under ThreadSanitizer, over the real module tree the conformance test fetched.
tsan_gen() {
	local tree
	tree=$(ls -d "$BUSALIAS_TEST_CACHE"/unpacked/linux-image-*-amd64_*/lib/modules/* 2>/dev/null | head -n 1)
	[ -n "$tree" ] || { echo "no unpacked kernel tree in $BUSALIAS_TEST_CACHE"; return 1; }
	"$src/tools/build.sh" "$tsan" CFLAGS="-O1 -g -fsanitize=thread" LDFLAGS="-fsanitize=thread" &&
	BUSALIAS_NO_DLCLOSE=1 TSAN_OPTIONS=halt_on_error=1:exitcode=66 \
		"$tsan/busalias" gen -j4 --plugin-dir "$tsan/build-plugins" "$tree" >/dev/null
}
step "busalias gen -j4 under TSan" tsan_gen && passed=$((passed + 1)) || failed=$((failed + 1))

distcheck() { make -C "$build" distcheck >"$build/distcheck.out" 2>&1 || { tail -n 60 "$build/distcheck.out"; return 1; }; }
step "make distcheck" distcheck && passed=$((passed + 1)) || failed=$((failed + 1))

if [ ${#failures[@]} -gt 0 ]; then
	echo "failed steps: ${failures[*]}"
	[ "$failed" -gt 0 ] || failed=${#failures[@]}
fi
echo "$passed passed, $failed failed"
[ ${#failures[@]} -eq 0 ]
