#!/bin/bash
# Issue 10 against the simulated kernel: several devices and IOMMU groups all or nothing, unbind
# only, the IOMMU check, interface names, persisted overrides (udev-apply, apply-overrides,
# list-overrides, import-driverctl), and status's one-line view.
. "$(dirname "$0")/lib.sh"
SRCDIR=${SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}

NIC=devices/pci0000:00/0000:00:1c.0/0000:01:00.0
AUDIO=devices/pci0000:00/0000:00:1c.0/0000:01:00.1
UP=devices/pci0000:00/0000:00:1d.0/0000:03:00.0
FREE=devices/pci0000:00/0000:00:1e.0/0000:04:00.0
BRIDGE=devices/pci0000:00/0000:00:05.0
FN0=devices/pci0000:00/0000:00:05.0/0000:06:00.0
FN1=devices/pci0000:00/0000:00:05.0/0000:06:00.1
UART=devices/platform/sim-uart.0

# ba with the overrides directory of the tree.
bap() {
	local cmd=$1
	shift
	ba "$cmd" --overrides-dir "$T/.ovr" "$@"
}
babindp() {
	babind --overrides-dir "$T/.ovr" "$@"
}
# A command that applies overrides: modprobe, locks and the tree's overrides.
baapply() {
	local cmd=$1
	shift
	ba "$cmd" --overrides-dir "$T/.ovr" --lock-dir "$T/.lock" --modprobe "$T/.bin/modprobe" "$@"
}

# ---- --group: every endpoint of the IOMMU group, the bridge left alone ----
newtree
babind --group 0000:06:00.0
expect_rc 0 "bind --group"
expect_eq "$(state $FN0) / $(state $FN1)" "vfio-pci vfio-pci / vfio-pci vfio-pci" "both functions of group 20 on vfio-pci"
expect_eq "$(state $BRIDGE)" "pcieport (null)" "the bridge (class 0x0604) stays on pcieport"
expect_in "$err" "leaving bridge pci:0000:00:05.0 alone" "and says so"
case $err in *"still bound to host driver"*) fail "group bind warned about its own members" ;; *) ok "no group warning once the whole group is on VFIO" ;; esac
ba restore --lock-dir "$T/.lock" --group 0000:06:00.1
expect_rc 0 "restore --group"
expect_eq "$(state $FN0) / $(state $FN1)" "virtio-sim (null) / virtio-sim (null)" "both functions back on virtio-sim"
before=$(snapshot)
babind --dry-run --group 0000:06:00.0
expect_rc 0 "bind --group --dry-run"
expect_eq "$(snapshot)" "$before" "a group dry run changes nothing"
expect_eq "$(printf '%s\n' "$out" | grep -c "^would write 'vfio-pci' to .*driver_override")" 2 "and plans two overrides"

# ---- several devices, all or nothing ----
newtree
babind 0000:01:00.0 0000:01:00.1
expect_rc 0 "bind two devices"
expect_eq "$(state $NIC) / $(state $AUDIO)" "vfio-pci vfio-pci / vfio-pci vfio-pci" "both on vfio-pci"
ba restore --lock-dir "$T/.lock" 0000:01:00.0 0000:01:00.1
expect_rc 0 "restore two devices"
expect_eq "$(state $NIC) / $(state $AUDIO)" "e1000e (null) / snd_hda_intel (null)" "both back"
# The second fails as it is probed: the first goes back too.
newtree
echo 0000:06:00.1 >"$T/.sim/drivers/pci/vfio-pci/probe_fail"
babind --group 0000:06:00.0
expect_rc 4 "group bind, second probe fails: rolled back (rc 4)"
expect_eq "$(state $FN0) / $(state $FN1)" "virtio-sim (null) / virtio-sim (null)" "both functions back on virtio-sim"
expect_in "$err" "putting the 1 device moved before it back" "says the first is put back"
# The second is refused before any write (interface up): the first goes back.
newtree
babind 0000:01:00.0 0000:03:00.0
expect_rc 4 "second device in use: rolled back (rc 4)"
expect_eq "$(state $NIC) / $(state $UP)" "e1000e (null) / igb (null)" "both as they were"
# A name that does not resolve: nothing is touched at all.
newtree
before=$(snapshot)
babind 0000:01:00.0 0000:09:00.0
expect_rc 2 "an unknown second DEV: usage error"
expect_eq "$(snapshot)" "$before" "and nothing changed"
# The same device twice is bound once.
babind 0000:01:00.0 01:00.0 eth0
expect_rc 0 "one device named three ways"
expect_eq "$(printf '%s\n' "$err" | grep -c 'is now bound')" 1 "bound once"

# ---- --driver none: unbind only ----
newtree
babind --driver none 0000:01:00.0
expect_rc 0 "bind --driver none"
expect_eq "$(state $NIC)" "none none" "no driver, driver_override none"
ba restore --lock-dir "$T/.lock" 0000:01:00.0
expect_rc 0 "restore after unbind-only"
expect_eq "$(state $NIC)" "e1000e (null)" "back on e1000e"
newtree
touch "$T/.sim/fail/unbind"
babind --driver none 0000:01:00.0
expect_rc 4 "unbind-only, unbind fails: rolled back"
expect_eq "$(state $NIC)" "e1000e (null)" "device as it was"

# ---- the IOMMU check ----
newtree
rm -rf "$T/class/iommu"
before=$(snapshot)
babind platform:sim-uart.0 --driver vfio_platform
expect_rc 2 "vfio without an IOMMU refused (rc 2)"
expect_in "$err" "the kernel has no IOMMU" "with a clear message"
expect_in "$err" "--no-iommu-check" "naming the way out"
expect_eq "$(snapshot)" "$before" "nothing changed"
babind platform:sim-uart.0 --driver sim_uart
expect_rc 0 "a non-VFIO driver needs no IOMMU"
babind --no-iommu-check platform:sim-uart.0 --driver vfio_platform
expect_rc 0 "--no-iommu-check binds anyway"
expect_eq "$(state $UART)" "vfio-platform vfio-platform" "on vfio-platform"
babind 0000:04:00.0
expect_rc 0 "a device with an iommu_group link passes without class/iommu"

# ---- a network interface names its device ----
newtree
babind eth0
expect_rc 0 "bind eth0"
expect_eq "$(state $NIC)" "vfio-pci vfio-pci" "eth0's device on vfio-pci"
ba status --pci-ids none eth1
expect_in "$out" "pci:0000:03:00.0 " "status eth1 shows its device"
babind eth9
expect_rc 2 "an unknown interface is an unknown device"

# ---- restore --dry-run prints the clearing write escaped ----
babind 0000:04:00.0
ba restore --dry-run 0000:04:00.0
expect_rc 0 "restore --dry-run"
expect_in "$out" "would write '\\n' to $T/$FREE/driver_override" "the newline written is shown as \\n"
expect_eq "$(printf '%s\n' "$out" | grep -c "^' to")" 0 "no line broken by a raw newline"

# ---- not root: "needs root" ----
# The user must reach the build tree: a checkout in a 0700 directory (mktemp -d) hides the plugins.
asnobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
if [ "$(id -u)" != 0 ] || ! command -v setpriv >/dev/null; then
	echo "SKIP: bind as a user (needs root and setpriv)"
elif ! asnobody test -x "$SIM" -a -r "$PLUGINS" -a -x "$PLUGINS" 2>/dev/null; then
	echo "SKIP: bind as a user: uid 65534 cannot reach $SIM or $PLUGINS (a parent directory is not searchable)"
else
	newtree
	chmod 755 "$WORK" "$T"
	mkdir -m 0755 "$T/.rootlock"
	asnobody "$SIM" --config /dev/null bind --plugin-dir "$PLUGINS" \
		--sysfs-root "$T" --lock-dir "$T/.rootlock/locks" --modprobe "$T/.bin/modprobe" \
		--alias-file "$T/.sim/modules.alias" 0000:01:00.0 >"$WORK/out" 2>"$WORK/err"
	rc=$? out=$(cat "$WORK/out") err=$(cat "$WORK/err")
	expect_rc 6 "bind as a user: rc 6"
	expect_in "$err" "bind needs root" "says it needs root, not a lock error"
	asnobody "$SIM" --config /dev/null bind --plugin-dir "$PLUGINS" \
		--sysfs-root "$T" --lock-dir "$T/.rootlock/locks" --modprobe "$T/.bin/modprobe" \
		--alias-file "$T/.sim/modules.alias" 0000:01:00.0 0000:01:00.1 >"$WORK/out" 2>"$WORK/err"
	rc=$? out=$(cat "$WORK/out") err=$(cat "$WORK/err")
	expect_in "$err" "bind needs root" "several devices: needs root too"
	chmod 700 "$WORK"
fi

# ---- persisted overrides ----
newtree
babindp --persist 0000:01:00.0
expect_rc 0 "bind --persist"
expect_eq "$(cat "$T/.ovr/pci:0000:01:00.0")" "# written by busalias bind --persist; see busalias.conf(5)
driver = vfio-pci
module = vfio_pci" "the persisted file"
expect_eq "$(ls -A "$T/.ovr")" "pci:0000:01:00.0" "one file, no temporary left"
babindp --persist --driver none 0000:04:00.0
expect_rc 0 "bind --driver none --persist"
expect_eq "$(grep -v '^#' "$T/.ovr/pci:0000:04:00.0")" "driver = none" "unbind-only persisted, no module"
bap list-overrides --sysfs-root "$T"
expect_rc 0 "list-overrides"
expect_eq "$out" "pci:0000:01:00.0 driver=vfio-pci module=vfio_pci applied
pci:0000:04:00.0 driver=none module=- applied" "list-overrides lists both, applied"
# A reboot: a fresh machine with the same overrides directory.
cp -a "$T/.ovr" "$WORK/ovr-saved"
newtree
cp -a "$WORK/ovr-saved" "$T/.ovr"
bap list-overrides
expect_eq "$out" "pci:0000:01:00.0 driver=vfio-pci module=vfio_pci pending
pci:0000:04:00.0 driver=none module=- applied" "after the reboot: pending (the device is unbound anyway)"
baapply udev-apply /devices/pci0000:00/0000:00:1c.0/0000:01:00.0
expect_rc 0 "udev-apply DEVPATH"
expect_eq "$(state $NIC)" "vfio-pci vfio-pci" "udev-apply bound the device (its host driver had it)"
before=$(snapshot)
baapply udev-apply /devices/pci0000:00/0000:00:1c.0/0000:01:00.1
expect_rc 0 "udev-apply of a device without an override"
expect_eq "$(snapshot)" "$before" "changes nothing"
baapply udev-apply /devices/pci0000:00/0000:00:1e.0/0000:04:00.0
expect_eq "$(state $FREE)" "none none" "udev-apply of the unbind-only override"
# A device not bound yet (its host driver's module not loaded): the override is written before
# anything slow, and if the override cannot be applied, taken back so the host driver may have it.
for case in ok fail; do
	newtree
	cp -a "$WORK/ovr-saved" "$T/.ovr"
	rm "$T/$NIC/driver" "$T/bus/pci/drivers/e1000e/0000:01:00.0"
	[ $case = fail ] && touch "$T/.sim/fail/load"
	baapply udev-apply /devices/pci0000:00/0000:00:1c.0/0000:01:00.0
	expect_in "$err" "driver_override vfio-pci written first" "udev-apply, unbound device ($case): the override first"
	if [ $case = ok ]; then
		expect_rc 0 "udev-apply, unbound device: rc 0"
		expect_eq "$(state $NIC)" "vfio-pci vfio-pci" "udev-apply, unbound device: on vfio-pci"
	else
		expect_rc 4 "udev-apply, module load fails: rc 4"
		expect_in "$err" "clearing the override written first" "says it takes the early override back"
		expect_eq "$(state $NIC)" "e1000e (null)" "and the host driver has the device"
	fi
done
newtree
cp -a "$WORK/ovr-saved" "$T/.ovr"
baapply apply-overrides
expect_rc 0 "apply-overrides"
expect_eq "$(state $NIC) / $(state $FREE)" "vfio-pci vfio-pci / none none" "apply-overrides applied both"
baapply apply-overrides
expect_rc 0 "apply-overrides again: nothing to do"
# restore without --persist: warned that it comes back; with --persist: dropped.
ba restore --overrides-dir "$T/.ovr" --lock-dir "$T/.lock" 0000:01:00.0
expect_rc 0 "restore of a persisted device"
expect_in "$err" "still has a persisted override" "warns it is applied again at boot"
babindp 0000:01:00.0
ba restore --overrides-dir "$T/.ovr" --lock-dir "$T/.lock" --persist 0000:01:00.0 0000:04:00.0
expect_rc 0 "restore --persist"
expect_eq "$(ls -A "$T/.ovr")" "" "both files removed"
expect_eq "$(state $NIC)" "e1000e (null)" "device back"
# A failed bind persists nothing.
newtree
touch "$T/.sim/drivers/pci/vfio-pci/probe_fail"
babindp --persist 0000:01:00.0
expect_rc 4 "failed bind --persist: rc 4"
[ -e "$T/.ovr/pci:0000:01:00.0" ] && fail "a failed bind persisted its override" || ok "a failed bind persists nothing"
# Malformed files: one line each, naming file and line; the others still listed.
newtree
mkdir -p "$T/.ovr"
printf 'driver = vfio-pci\nmodule = vfio_pci\n' >"$T/.ovr/pci:0000:01:00.0"
printf 'driver = vfio-pci\ncolour = blue\n' >"$T/.ovr/pci:0000:01:00.1"
printf 'driver = ../../x\n' >"$T/.ovr/pci:0000:03:00.0"
printf 'module = vfio_pci\n' >"$T/.ovr/pci:0000:04:00.0"
printf 'driver = vfio-pci\n' >"$T/.ovr/no-colon"
printf 'driver = vfio-pci\n' >"$T/.ovr/pci:x"$'\n'"y"
head -c 5000 /dev/zero | tr '\0' '#' >"$T/.ovr/pci:0000:06:00.0"
: >"$T/.ovr/.pci:0000:06:00.1.AbCdEf"
bap list-overrides
expect_rc 3 "list-overrides with malformed files: rc 3"
expect_eq "$out" "pci:0000:01:00.0 driver=vfio-pci module=vfio_pci pending" "the good file listed"
expect_eq "$err" "busalias: error: $T/.ovr/no-colon: not named BUS:DEVICE, ignored
busalias: error: $T/.ovr/pci:0000:01:00.1:2: unknown key 'colour'
busalias: error: $T/.ovr/pci:0000:03:00.0:1: invalid driver name
busalias: error: $T/.ovr/pci:0000:04:00.0: no 'driver =' line
busalias: error: $T/.ovr/pci:0000:06:00.0: longer than 4096 bytes
busalias: error: $T/.ovr/pci:x?y: not named BUS:DEVICE, ignored" "each malformed file: one line with file (and line)"
baapply apply-overrides
expect_rc 3 "apply-overrides with malformed files: rc 3"
expect_eq "$(state $NIC) / $(state $AUDIO)" "vfio-pci vfio-pci / snd_hda_intel (null)" "the good one applied, the bad ones not"
# Hostile --overrides-dir and device names never make a path.
babind --overrides-dir relative/dir --persist 0000:01:00.0
expect_rc 2 "a relative --overrides-dir is refused"

# ---- import-driverctl ----
newtree
mkdir -p "$WORK/driverctl.d"
echo vfio-pci >"$WORK/driverctl.d/pci-0000:01:00.0"
echo none >"$WORK/driverctl.d/pci-0000:04:00.0"
echo 'not a driver' >"$WORK/driverctl.d/pci-0000:03:00.0"
echo vfio-pci >"$WORK/driverctl.d/nodash"
bap import-driverctl "$WORK/driverctl.d"
expect_rc 3 "import-driverctl with a bad entry: rc 3"
expect_in "$err" "$WORK/driverctl.d/pci-0000:03:00.0:1: expected one driver name, ignored" "the bad entry named"
expect_in "$err" "$WORK/driverctl.d/nodash: not a driverctl override" "the misnamed entry named"
expect_in "$err" "2 overrides imported from $WORK/driverctl.d" "two imported"
bap list-overrides
expect_eq "$out" "pci:0000:01:00.0 driver=vfio-pci module=vfio_pci pending
pci:0000:04:00.0 driver=none module=- applied" "imported as busalias overrides"
bap import-driverctl --dry-run "$WORK/driverctl.d"
expect_in "$err" "0 overrides imported" "a second import changes nothing"

# ---- status: one line per device, names from pci.ids, filters ----
newtree
babind 0000:06:00.0
ba status --alias-file "$T/.sim/modules.alias" --pci-ids "$SRCDIR/tests/bind/pci.ids.sample"
expect_rc 0 "status, one line per device"
expect_eq "$out" "$(cat "$SRCDIR/tests/bind/status-line.expected")" "status matches tests/bind/status-line.expected"
expect_in "$err" "0000:06:00.1 is still bound to host driver virtio-sim" "a group half on VFIO still warned about"
ba status --alias-file "$T/.sim/modules.alias" --pci-ids none --bus platform
expect_eq "$(printf '%s\n' "$out" | cut -d' ' -f1 | tr '\n' ' ')" "platform:AMDI0010:00 platform:sim-uart.0 " "--bus platform"
ba status --alias-file "$T/.sim/modules.alias" --pci-ids none --bus acpi
expect_eq "$out" "platform:AMDI0010:00 - driver=i2c_designware override=- group=- best=- via=acpi:AMDI0010:00" \
	"--bus acpi: the described device, once, through its description"
ba status --alias-file "$T/.sim/modules.alias" --pci-ids none --class 02
expect_eq "$(printf '%s\n' "$out" | cut -d' ' -f1 | tr '\n' ' ')" "pci:0000:01:00.0 pci:0000:03:00.0 pci:0000:06:00.0 pci:0000:06:00.1 " "--class 02 (network)"
ba status --alias-file "$T/.sim/modules.alias" --pci-ids none --class 0x0604
expect_eq "$(printf '%s\n' "$out" | cut -d' ' -f1)" "pci:0000:00:05.0" "--class 0x0604 (bridge)"
ba status --alias-file "$T/.sim/modules.alias" --pci-ids none --overridden
expect_eq "$(printf '%s\n' "$out" | cut -d' ' -f1)" "pci:0000:06:00.0" "--overridden"
ba status --alias-file "$T/.sim/modules.alias" --pci-ids none --overridden --json
expect_in "$out" '"device": "0000:06:00.0"' "filters apply to --json too"
for bad in 'x' '0x' '1234567' '../'; do
	ba status --class "$bad"
	expect_rc 2 "--class '$bad' refused"
done
ba status --bus 'a/b'
expect_rc 2 "--bus 'a/b' refused"
ba status --pci-ids "$WORK/no-such.ids" --alias-file "$T/.sim/modules.alias" 0000:01:00.0
expect_in "$err" "$WORK/no-such.ids: No such file or directory; no device names" "a named pci.ids that is missing is said"
expect_in "$out" "pci:0000:01:00.0 8086:10d3 driver=e1000e" "and status goes on without names"

finish
