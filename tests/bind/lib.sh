# Shared by the bind shell tests.  Run from the build directory (as make check does).
set -u
BUILDDIR=${BUILDDIR:-$PWD}
SIM=$BUILDDIR/tests/bind/busalias-sim
PLUGINS=$BUILDDIR/build-plugins
WORK=$(mktemp -d "${TMPDIR:-/tmp}/busalias-bind.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
failures=0
n=0

# A fresh simulated machine in $T.
newtree() {
	T=$WORK/t$((n++))
	mkdir -p "$T/.bin"
	"$SIM" mktree "$T" || { echo "mktree failed"; exit 99; }
	ln -s "$SIM" "$T/.bin/modprobe"
	export BUSALIAS_SIM_ROOT=$T
}

# ba COMMAND ARGS...: busalias against the simulation; sets rc, out (stdout), err (stderr).
ba() {
	local cmd=$1
	shift
	"$SIM" --config /dev/null "$cmd" --plugin-dir "$PLUGINS" --sysfs-root "$T" "$@" >"$WORK/out" 2>"$WORK/err"
	rc=$?
	out=$(cat "$WORK/out")
	err=$(cat "$WORK/err")
}
babind() {
	ba bind --lock-dir "$T/.lock" --modprobe "$T/.bin/modprobe" --alias-file "$T/.sim/modules.alias" "$@"
}

# state DEVPATH: "driver override" of a device in the tree.
state() {
	local d=$T/$1 drv=none ovr
	[ -L "$d/driver" ] && drv=$(basename "$(readlink "$d/driver")")
	ovr=$(cat "$d/driver_override")
	echo "$drv $ovr"
}

# A listing of the whole tree (links, attribute contents), to prove nothing changed.
snapshot() {
	(cd "$T" && find . -path ./.lock -prune -o -printf '%p %l\n' | sort &&
		find . -name driver_override -exec sh -c 'echo "$1: $(cat "$1")"' _ {} \; | sort)
}

ok() { echo "ok $n - $*"; }
fail() {
	echo "FAIL - $*"
	echo "  rc=$rc"
	echo "  stdout: $out" | head -20
	echo "  stderr: $err" | head -20
	failures=$((failures + 1))
}
expect_rc() { # expect_rc WANT DESCRIPTION
	if [ "$rc" = "$1" ]; then ok "$2"; else fail "$2 (want rc $1)"; fi
}
expect_eq() { # expect_eq GOT WANT DESCRIPTION
	if [ "$1" = "$2" ]; then ok "$3"; else fail "$3: got '$1', want '$2'"; fi
}
expect_in() { # expect_in HAYSTACK NEEDLE DESCRIPTION
	case "$1" in *"$2"*) ok "$3" ;; *) fail "$3: '$2' not in output" ;; esac
}
finish() {
	if [ "$failures" -ne 0 ]; then
		echo "$failures failure(s)"
		exit 1
	fi
	echo "all passed"
	exit 0
}
