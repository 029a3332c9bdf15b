#!/bin/bash
# status, match and bind against a sysfs whose attributes and names are hostile: huge attributes,
# no newline, control bytes, NULs, symlink loops, FIFOs, directories where files belong, device
# names with a newline.  No signal, no hang, a warning naming the file, and nothing written.
. "${srcdir:-.}/tests/bind/lib.sh"

PCI0=devices/pci0000:00/0000:00:1c.0/0000:01:00.0

# run SECONDS COMMAND ARGS...: ba under a time limit; a signal or a timeout is a failure of its own.
run() {
	local limit=$1
	shift
	timeout "$limit" "$SIM" --config /dev/null "$1" --plugin-dir "$PLUGINS" --sysfs-root "$T" "${@:2}" \
		>"$WORK/out" 2>"$WORK/err"
	rc=$?
	out=$(cat "$WORK/out")
	err=$(cat "$WORK/err")
	if [ "$rc" -ge 124 ]; then fail "$1 ${*:2}: signal or timeout"; else ok "$1 ${*:2}: no signal, no hang"; fi
}

# Every line of stderr is one busalias message, and no output line holds a control byte.
expect_clean_output() {
	if grep -qv '^busalias: ' "$WORK/err"; then fail "$1: stray stderr line"; else ok "$1: stderr is messages"; fi
	if LC_ALL=C grep -q '[[:cntrl:]]' "$WORK/out"; then fail "$1: control byte in stdout"; else ok "$1: stdout clean"; fi
}

newtree
big=$(head -c 5000 /dev/zero | tr '\0' a)

# A modalias longer than any (the kernel's are < 300 bytes): ignored with a warning naming it.
printf '%s' "pci:$big" >"$T/$PCI0/modalias"
run 20 status 0000:01:00.0 --alias-file "$T/.sim/modules.alias"
expect_rc 0 "status, huge modalias"
expect_in "$err" "$T/$PCI0/modalias: longer than 1023 bytes, ignored" "huge modalias named"
expect_clean_output "status, huge modalias"
before=$(snapshot)
babind 0000:01:00.0 --dry-run
expect_in "$err" "$T/$PCI0/modalias: longer than 1023 bytes, ignored" "bind --dry-run, huge modalias named"
expect_eq "$(snapshot)" "$before" "bind --dry-run, huge modalias: nothing changed"

# Control bytes and NULs inside one-line attributes.
for bad in 'pci:v\033[2Jd' 'pci:v0\000d1' 'pci:v1\nalias x y' 'pci:\177'; do
	newtree
	printf "$bad" >"$T/$PCI0/modalias"
	run 20 status 0000:01:00.0 --alias-file "$T/.sim/modules.alias"
	expect_rc 0 "status, modalias '$bad'"
	expect_in "$err" "$T/$PCI0/modalias: holds a control character or NUL, ignored" "modalias '$bad' named"
	expect_clean_output "status, modalias '$bad'"
	run 20 status --json 0000:01:00.0 --alias-file "$T/.sim/modules.alias"
	expect_clean_output "status --json, modalias '$bad'"
	before=$(snapshot)
	babind 0000:01:00.0
	[ "$rc" -lt 124 ] && ok "bind, modalias '$bad': no signal" || fail "bind, modalias '$bad': rc $rc"
	expect_eq "$(snapshot)" "$before" "bind, modalias '$bad': nothing changed"
done

# A modalias without a newline is a modalias: the trailing newline is optional.
newtree
printf 'pci:v00008086d000010D3sv00008086sd0000A01Fbc02sc00i00' >"$T/$PCI0/modalias"
run 20 status --long 0000:01:00.0 --alias-file "$T/.sim/modules.alias"
expect_in "$out" "modalias:        pci:v00008086d000010D3sv00008086sd0000A01Fbc02sc00i00" "modalias without a newline"

# A huge driver_override: bind refuses before writing anything.
newtree
printf '%s' "$big" >"$T/$PCI0/driver_override"
before=$(snapshot)
babind 0000:01:00.0
[ "$rc" -ne 0 ] && [ "$rc" -lt 124 ] && ok "bind, huge driver_override refused" || fail "bind, huge driver_override: rc $rc"
expect_in "$err" "$T/$PCI0/driver_override: longer than" "huge driver_override named"
expect_eq "$(snapshot)" "$before" "bind, huge driver_override: nothing changed"

# Attributes that are no files: a FIFO (must not block), a directory, a symlink loop.
newtree
rm "$T/$PCI0/modalias"
mkfifo "$T/$PCI0/modalias"
run 20 status 0000:01:00.0 --alias-file "$T/.sim/modules.alias"
expect_rc 0 "status, modalias is a FIFO"
rm "$T/$PCI0/modalias"
mkdir "$T/$PCI0/modalias"
run 20 status 0000:01:00.0 --alias-file "$T/.sim/modules.alias"
expect_rc 0 "status, modalias is a directory"
rmdir "$T/$PCI0/modalias"
ln -s modalias "$T/$PCI0/modalias"
run 20 status 0000:01:00.0 --alias-file "$T/.sim/modules.alias"
expect_rc 0 "status, modalias is a symlink loop"

# Links that loop or lead out of the sysfs root.
newtree
rm "$T/$PCI0/iommu_group"
ln -s iommu_group "$T/$PCI0/iommu_group"
run 20 status 0000:01:00.0 --alias-file "$T/.sim/modules.alias"
expect_rc 0 "status, iommu_group link loop"
expect_clean_output "status, iommu_group link loop"
rm "$T/bus/pci/devices/0000:01:00.0"
ln -s /etc "$T/bus/pci/devices/0000:01:00.0"
run 20 status 0000:01:00.0
[ "$rc" -ne 0 ] && ok "status, device link out of the root: refused" || fail "status, device link out of the root"
expect_clean_output "status, device link out of the root"
ln -s loop "$T/bus/pci/devices/loop"

# Device names with a newline or ".." in the listing: each named (escaped), the rest listed.
mkdir -p "$T/devices/platform/evil
alias" "$T/devices/platform/.."
ln -s "$T/devices/platform/evil
alias" "$T/bus/platform/devices/evil
alias"
run 30 status --alias-file "$T/.sim/modules.alias"
expect_in "$out" "platform:sim-uart.0" "status of every device, hostile names beside"
expect_in "$err" 'evil\x0aalias' "a device name with a newline is named, escaped"
expect_clean_output "status of every device, hostile names beside"
run 30 status --json --alias-file "$T/.sim/modules.alias"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$WORK/out" && ok "status --json stays JSON" ||
	fail "status --json with hostile names is not JSON"

# Hostile modules.alias: huge lines, NULs (a NUL in a pattern made the prefilter read past the
# modalias's end), no trailing newline.  With an empty modalias too.
newtree
{ printf 'alias vfio_pci:%s evil\n' "$(head -c 9000 /dev/zero | tr '\0' '*')"
  printf 'alias vfio_pci:v\000* nul\n'
  printf 'alias vfio_pci:v00008086d* evil\033[2J\n'
  printf 'alias vfio_pci:v00008086* intel'; } >"$WORK/hostile.alias"
run 20 match --alias-file "$WORK/hostile.alias" pci:v00008086d000010D3sv00008086sd0000A01Fbc02sc00i00
expect_rc 0 "match, hostile modules.alias"
expect_eq "$out" "intel" "match, hostile modules.alias: the good line wins"
expect_in "$err" "$WORK/hostile.alias:1: line longer than 4096 bytes, line ignored" "over-long alias line named"
expect_in "$err" "$WORK/hostile.alias:2: NUL byte, line ignored" "a NUL in a line is named"
expect_in "$err" "$WORK/hostile.alias:3: \"evil\x1b[2J\" is not a valid module name, line ignored" \
	"a module name with a control byte is refused"
expect_clean_output "match, hostile modules.alias"
# A FIFO as modules.alias is refused, not waited on.
mkfifo "$WORK/fifo.alias"
run 20 match --alias-file "$WORK/fifo.alias" pci:v00008086d000010D3sv00008086sd0000A01Fbc02sc00i00
expect_rc 6 "match, modules.alias is a FIFO"
expect_in "$err" "$WORK/fifo.alias: not a regular file" "match, modules.alias is a FIFO: named"
printf 'alias \000 v\nalias * any\n' >"$WORK/nul.alias"
run 20 match --alias-file "$WORK/nul.alias" --prefix '' -- ''
expect_eq "$out" "any" "match, NUL pattern and an empty modalias"

finish
