#!/bin/bash
# busalias bind/restore/status against a fake sysfs with a simulated kernel (tests/bind/simkernel.c).
. "$(dirname "$0")/lib.sh"

NIC=devices/pci0000:00/0000:00:1c.0/0000:01:00.0
UP=devices/pci0000:00/0000:00:1d.0/0000:03:00.0
FREE=devices/pci0000:00/0000:00:1e.0/0000:04:00.0
UART=devices/platform/sim-uart.0
I2C=devices/platform/AMDI0010:00

# ---- dry runs change nothing, and print every write and command ----
for dev in "0000:01:00.0" "platform:sim-uart.0 --driver vfio_platform" "acpi:AMDI0010:00 --driver vfio-platform"; do
	newtree
	before=$(snapshot)
	babind --dry-run $dev
	expect_rc 0 "dry-run bind $dev"
	expect_eq "$(snapshot)" "$before" "dry-run bind $dev changes nothing"
	expect_in "$out" "would run $T/.bin/modprobe" "dry-run bind $dev shows modprobe"
	expect_in "$out" "/driver_override" "dry-run bind $dev shows the override write"
	expect_in "$out" "drivers_probe" "dry-run bind $dev shows drivers_probe"
done
expect_in "$out" "would write 'AMDI0010:00' to $T/bus/platform/drivers/i2c_designware/unbind" "acpi dry-run unbinds the physical node"

# A dry run whose plan cannot be written says so and fails (still changing nothing).
newtree
before=$(snapshot)
"$SIM" --config /dev/null bind --plugin-dir "$PLUGINS" --sysfs-root "$T" --lock-dir "$T/.lock" \
	--modprobe "$T/.bin/modprobe" --alias-file "$T/.sim/modules.alias" --dry-run 0000:01:00.0 >/dev/full 2>"$WORK/err"
rc=$? out= err=$(cat "$WORK/err")
expect_rc 6 "dry-run to a full disk: rc 6"
expect_in "$err" "busalias: error: standard output: No space left on device" "dry-run to a full disk: says so"
expect_eq "$(snapshot)" "$before" "dry-run to a full disk changes nothing"

# ---- dry run: the driver name of a module that is not loaded ----
# Nothing registered: a guess, and the output says so.
newtree
babind --dry-run 0000:01:00.0
expect_rc 0 "dry-run, module not loaded"
expect_in "$out" "driver name not known until vfio_pci is loaded; assuming vfio-pci" "the guess is labelled as one"
# A driver directory whose module link names another module does not count.
mkdir -p "$T/bus/pci/drivers/other-drv" "$T/module/other_mod"
ln -s "$T/module/other_mod" "$T/bus/pci/drivers/other-drv/module"
babind --dry-run 0000:01:00.0
expect_in "$out" "assuming vfio-pci" "a driver of another module is not taken"
# The bus already knows the module's driver (bus/pci/drivers/D/module -> module/M): its name, no guess.
# The name differs from the guess (vfio-pci) on purpose.
mkdir -p "$T/bus/pci/drivers/vfio-pci-sim" "$T/module/vfio_pci"
ln -s "$T/module/vfio_pci" "$T/bus/pci/drivers/vfio-pci-sim/module"
before=$(snapshot)
babind --dry-run 0000:01:00.0
expect_rc 0 "dry-run, driver known from the bus"
case $out in *"assuming"*) fail "dry-run guessed although the bus knows the driver" ;; *) ok "no guess when the bus knows the driver" ;; esac
expect_in "$out" "would write 'vfio-pci-sim' to $T/$NIC/driver_override" "the driver found through its module link is used"
expect_in "$err" "module vfio_pci registered driver vfio-pci-sim ($T/bus/pci/drivers/vfio-pci-sim/module)" "and where it was found is said"
expect_eq "$(snapshot)" "$before" "dry-run with a known driver changes nothing"
# A real run takes the same name when /sys/module/M/drivers does not list it.
newtree
: >"$T/.sim/modules/sim_nic"
mkdir -p "$T/bus/pci/drivers/simnic" "$T/module/sim_nic"
: >"$T/bus/pci/drivers/simnic/bind"
: >"$T/bus/pci/drivers/simnic/unbind"
ln -s "$T/module/sim_nic" "$T/bus/pci/drivers/simnic/module"
babind --dry-run --driver sim-nic 0000:04:00.0
expect_in "$out" "would write 'simnic' to $T/$FREE/driver_override" "dry-run --driver: driver found through its module link"
babind --driver sim-nic 0000:04:00.0
expect_rc 0 "bind --driver through the bus's module link"
expect_eq "$(state $FREE)" "simnic simnic" "device on the driver the bus named"

# ---- PCI: bind to the best vfio_ match, then restore ----
newtree
babind 0000:01:00.0
expect_rc 0 "pci bind"
expect_eq "$(state $NIC)" "vfio-pci vfio-pci" "pci device on vfio-pci"
expect_in "$err" "module vfio_pci (pattern vfio_pci:v*d*sv*sd*bc*sc*i*)" "generic vfio_pci entry chosen when alone"
expect_in "$err" "0000:01:00.1 is still bound to host driver snd_hda_intel" "warns about the IOMMU group"
# Already bound: success without a single write (every write would fail).
for op in driver_override unbind bind drivers_probe load; do touch "$T/.sim/fail/$op"; done
babind 0000:01:00.0
expect_rc 0 "pci bind again: nothing to do"
expect_in "$err" "already bound to vfio-pci" "pci bind again says so"
rm -f "$T"/.sim/fail/*
ba restore --lock-dir "$T/.lock" 0000:01:00.0
expect_rc 0 "pci restore"
expect_eq "$(state $NIC)" "e1000e (null)" "pci device back on e1000e"
ba restore --lock-dir "$T/.lock" 0000:01:00.0
expect_rc 0 "pci restore of a device without override"

# Other DEV forms.
for dev in 01:00.0 pci:0000:01:00.0 pci:01:00.0 "/sys/bus/pci/devices/0000:01:00.0" "$T/$NIC"; do
	babind --no-load --driver vfio-pci "$dev"
	[ "$rc" = 6 ] || [ "$rc" = 0 ] || [ "$rc" = 4 ]
	ba restore --lock-dir "$T/.lock" "$dev"
done
newtree
babind /sys/bus/pci/devices/0000:01:00.0
expect_rc 0 "bind by /sys path"
ba restore --lock-dir "$T/.lock" "$T/$NIC"
expect_rc 0 "restore by fake-root path"
babind 01:00.0
expect_rc 0 "bind by short PCI address"
expect_eq "$(state $NIC)" "vfio-pci vfio-pci" "short address reached 0000:01:00.0"

# An unbound device: bound without an unbind; restored to no driver (none matches).
newtree
babind 0000:04:00.0
expect_rc 0 "bind an unbound device"
expect_eq "$(state $FREE)" "vfio-pci vfio-pci" "unbound device on vfio-pci"
ba restore --lock-dir "$T/.lock" 0000:04:00.0
expect_rc 0 "restore a device no driver wants"
expect_eq "$(state $FREE)" "none (null)" "device left unbound, override cleared"

# ---- platform and ACPI ----
newtree
babind platform:sim-uart.0
expect_rc 1 "platform bind without --driver: no vfio_ match"
expect_eq "$(state $UART)" "sim-uart (null)" "platform device untouched"
babind platform:sim-uart.0 --driver vfio_platform
expect_rc 0 "platform bind --driver vfio_platform"
expect_eq "$(state $UART)" "vfio-platform vfio-platform" "platform device on vfio-platform"
ba restore --lock-dir "$T/.lock" platform:sim-uart.0
expect_rc 0 "platform restore"
expect_eq "$(state $UART)" "sim-uart (null)" "platform device back on sim-uart"

babind acpi:AMDI0010:00 --driver vfio-platform
expect_rc 0 "acpi bind through the physical node"
expect_in "$err" "acpi:AMDI0010:00 is bound through its physical node platform:AMDI0010:00" "acpi bind names the physical node"
expect_eq "$(state $I2C)" "vfio-platform vfio-platform" "acpi physical node on vfio-platform"
ba status --json acpi:AMDI0010:00
expect_in "$out" '"via": "acpi:AMDI0010:00"' "status --json shows the ACPI description"
ba restore --lock-dir "$T/.lock" acpi:AMDI0010:00
expect_rc 0 "acpi restore"
expect_eq "$(state $I2C)" "i2c_designware (null)" "acpi physical node back on i2c_designware"

# ---- fault injection: every step fails once; the device must end as it began ----
inject() { # inject WHAT ORIG_OVERRIDE BUS DEVPATH ORIG_DRIVER BIND-ARGS...: a bind under $SETUP must end as it began
	local what=$1 orig_ovr=$2 bus=$3 path=$4 drv=$5
	shift 5
	newtree
	echo "$orig_ovr" >"$T/$path/driver_override"
	eval "$SETUP"
	babind "$@"
	expect_rc 4 "$bus fault '$what': rolled back (rc 4)"
	expect_eq "$(state "$path")" "$drv $orig_ovr" "$bus fault '$what': device on $drv, override $orig_ovr"
}
faults() { # faults BUS TARGET-DRIVER TARGET-MODULE WRONG-DRIVER ORIG_OVERRIDE DEVPATH ORIG_DRIVER BIND-ARGS...
	local bus=$1 tdrv=$2 tmod=$3 wrong=$4
	shift 4
	SETUP='touch $T/.sim/fail/load'; inject "module load fails" "$@"
	SETUP='touch $T/.sim/fail/driver_override'; inject "override write fails" "$@"
	SETUP='echo once >$T/.sim/fail/driver_override'; inject "override write fails once" "$@"
	SETUP='touch $T/.sim/fail/unbind'; inject "unbind fails" "$@"
	SETUP='touch $T/.sim/fail/drivers_probe'; inject "drivers_probe fails" "$@"
	SETUP="touch \$T/.sim/drivers/$bus/$tdrv/probe_fail"; inject "probe fails" "$@"
	SETUP="echo $wrong >\$T/.sim/fail/wrong_driver"; inject "wrong driver binds" "$@"
	SETUP=": >\$T/.sim/modules/$tmod"; inject "driver name not found" "$@"
}
for ovr in "(null)" e1000e; do
	faults pci vfio-pci vfio_pci snd_hda_intel "$ovr" pci $NIC e1000e 0000:01:00.0
done
faults platform vfio-platform vfio_platform i2c_designware "(null)" platform $UART sim-uart platform:sim-uart.0 --driver vfio_platform
faults platform vfio-platform vfio_platform sim-uart "(null)" acpi $I2C i2c_designware acpi:AMDI0010:00 --driver vfio_platform
expect_in "$err" "step 'driver name' failed" "driver-name failure is reported as such"
newtree
touch "$T/.sim/drivers/pci/vfio-pci/probe_fail"
babind 0000:01:00.0
expect_in "$err" "step 'verify' failed" "probe failure is caught by verify"
expect_in "$err" "is back on driver e1000e" "and the state after rollback is reported"

# The rollback's direct bind fails: a reprobe by the bus still returns the device to its driver.
newtree
touch "$T/.sim/drivers/pci/vfio-pci/probe_fail" "$T/.sim/fail/bind"
babind 0000:01:00.0
expect_rc 4 "rollback bind fails, reprobe restores: rc 4"
expect_in "$err" "roll back: bind" "the failed direct bind is reported"
expect_eq "$(state $NIC)" "e1000e (null)" "back on e1000e with no override after the fallback reprobe"

# The rollback itself fails (bind and reprobe both): the tool must say so with rc 5.
newtree
touch "$T/.sim/drivers/pci/vfio-pci/probe_fail" "$T/.sim/fail/bind" "$T/.sim/drivers/pci/e1000e/probe_fail"
babind 0000:01:00.0
expect_rc 5 "rollback impossible: rc 5"
expect_in "$err" "UNSAFE" "rollback failure is loud"

# restore with faults rolls back too.
newtree
babind 0000:01:00.0
touch "$T/.sim/fail/unbind"
ba restore --lock-dir "$T/.lock" 0000:01:00.0
expect_rc 4 "restore: unbind fails, rolled back"
expect_eq "$(state $NIC)" "vfio-pci vfio-pci" "restore failure leaves the device as it was"

# ---- a NIC with its interface up ----
newtree
babind 0000:03:00.0
expect_rc 4 "refuses a NIC whose interface is up"
expect_in "$err" "network interface eth1 is up" "says why"
expect_eq "$(state $UP)" "igb (null)" "NIC untouched"
babind --force 0000:03:00.0
expect_rc 0 "--force takes it"

# ---- hostile names: rejected before any path or write ----
newtree
before=$(snapshot)
for dev in 'pci:../../../etc' 'platform:a/b' 'platform:..' $'platform:x\ny' 'platform:' "platform:$(printf 'a%.0s' $(seq 300))" \
	'acpi:../x:00' '0000:01:00.0/../..' '/etc/passwd' "$T/../../etc"; do
	babind "$dev"
	[ "$rc" = 2 ] || [ "$rc" = 6 ] && ok "hostile DEV rejected: $(printf %q "$dev" | cut -c1-40)" ||
		fail "hostile DEV $(printf %q "$dev" | cut -c1-40)"
done
for drv in '../x' 'a/b' $'vfio\npci' 'bus:drv' ''; do
	babind --driver "$drv" 0000:01:00.0
	expect_rc 2 "hostile --driver rejected: $(printf %q "$drv")"
done
printf 'alias vfio_pci:v*d*sv*sd*bc*sc*i* -r\n' >"$WORK/dash.alias"
babind --alias-file "$WORK/dash.alias" 0000:01:00.0
expect_rc 6 "a module named like an option never reaches modprobe"
expect_eq "$(snapshot)" "$before" "hostile names changed nothing"

# ---- concurrent runs serialise on the per-device lock ----
newtree
mkdir -p "$T/.lock"
if command -v flock >/dev/null; then
	flock "$T/.lock/pci:0000:01:00.0.lock" sleep 2 &
	holder=$!
	sleep 0.3
	start=$(date +%s%N)
	babind 0000:01:00.0
	elapsed=$((($(date +%s%N) - start) / 1000000))
	wait $holder
	expect_rc 0 "bind waits for the lock holder"
	expect_in "$err" "waiting for another busalias run" "says it is waiting"
	[ $elapsed -ge 1000 ] && ok "waited ${elapsed} ms" || fail "did not wait (${elapsed} ms)"
fi
# A holder that keeps the lock: give up after --lock-timeout, naming device and lock file, nothing written.
newtree
mkdir -p "$T/.lock"
if command -v flock >/dev/null; then
	LOCKF=$T/.lock/pci:0000:01:00.0.lock
	# Held by this shell on fd 9 (no background process to clean up); busalias opens the file anew, so it conflicts.
	exec 9>"$LOCKF"
	flock -n 9 || fail "cannot take $LOCKF"
	before=$(snapshot)
	start=$(date +%s%N)
	babind --lock-timeout 0.5 0000:01:00.0
	elapsed=$((($(date +%s%N) - start) / 1000000))
	expect_rc 6 "bind gives up after --lock-timeout (rc 6)"
	expect_in "$err" "pci:0000:01:00.0: another process still holds $LOCKF after 0.5 s" "names the device and the lock file"
	expect_eq "$(printf '%s\n' "$err" | grep -c error:)" 1 "one error line"
	if [ $elapsed -ge 450 ] && [ $elapsed -lt 5000 ]; then ok "timed out after ${elapsed} ms"; else fail "timeout took ${elapsed} ms"; fi
	expect_eq "$(snapshot)" "$before" "a timed-out bind changes nothing"
	start=$(date +%s%N)
	babind --lock-timeout 0 0000:01:00.0
	elapsed=$((($(date +%s%N) - start) / 1000000))
	expect_rc 6 "--lock-timeout 0 does not wait"
	if [ $elapsed -lt 2000 ]; then ok "no wait (${elapsed} ms)"; else fail "--lock-timeout 0 waited ${elapsed} ms"; fi
	ba restore --lock-dir "$T/.lock" --lock-timeout 0.2 0000:01:00.0
	expect_rc 6 "restore honours --lock-timeout"
	expect_in "$err" "$LOCKF" "restore names the lock file"
	printf '[bind]\nlock_timeout = 0.2\n' >"$WORK/lt.conf"
	"$SIM" --config "$WORK/lt.conf" bind --plugin-dir "$PLUGINS" --sysfs-root "$T" --lock-dir "$T/.lock" \
		--modprobe "$T/.bin/modprobe" --alias-file "$T/.sim/modules.alias" 0000:01:00.0 >"$WORK/out" 2>"$WORK/err"
	rc=$? out=$(cat "$WORK/out") err=$(cat "$WORK/err")
	expect_rc 6 "[bind] lock_timeout from the configuration file"
	expect_in "$err" "after 0.2 s" "configured timeout used"
	expect_eq "$(snapshot)" "$before" "timed-out runs changed nothing"
	exec 9>&-
	babind --lock-timeout 0 0000:01:00.0
	expect_rc 0 "with the holder gone, --lock-timeout 0 binds"
fi
for bad in -1 abc 1e3 inf nan '' 0x10 99999999999; do
	babind --lock-timeout "$bad" 0000:01:00.0
	expect_rc 2 "--lock-timeout '$bad' rejected"
done
printf '[bind]\nlock_timeout = soon\n' >"$WORK/bad.conf"
"$SIM" --config "$WORK/bad.conf" bind --plugin-dir "$PLUGINS" --sysfs-root "$T" 0000:01:00.0 >"$WORK/out" 2>"$WORK/err"
rc=$? err=$(cat "$WORK/err")
expect_rc 2 "bad [bind] lock_timeout rejected"
expect_in "$err" "bad.conf:2: [bind] lock_timeout" "with file:line"

newtree
pids=()
for i in 1 2 3 4; do
	"$SIM" --config /dev/null bind --plugin-dir "$PLUGINS" --sysfs-root "$T" --lock-dir "$T/.lock" \
		--modprobe "$T/.bin/modprobe" --alias-file "$T/.sim/modules.alias" 0000:01:00.0 >"$WORK/c$i" 2>&1 &
	pids+=($!)
done
crc=0
for p in "${pids[@]}"; do wait "$p" || crc=$?; done
rc=$crc
expect_rc 0 "four concurrent binds all succeed"
expect_eq "$(state $NIC)" "vfio-pci vfio-pci" "and leave the device on vfio-pci"
expect_eq "$(cat "$WORK"/c? | grep -c 'already bound')" 3 "three of them found it already bound"

# ---- status ----
newtree
ba status --long --alias-file "$T/.sim/modules.alias"
expect_rc 0 "status of every device"
expect_in "$out" "pci:0000:01:00.0" "lists the pci NIC"
expect_in "$out" "platform:sim-uart.0" "lists the platform device"
expect_in "$out" "vfio_candidate:  vfio_pci" "shows the vfio candidate"
ba status --json --alias-file "$T/.sim/modules.alias" 0000:01:00.0 platform:sim-uart.0
expect_rc 0 "status --json"
if command -v python3 >/dev/null; then
	printf '%s' "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d[0]["iommu_group"]=="12" and d[0]["driver"]=="e1000e" and d[0]["vfio_candidate"]=="vfio_pci" and len(d[0]["iommu_group_members"])==2 and d[1]["driver_override"] is None' &&
		ok "status --json parses and has the fields" || fail "status --json content"
fi
# Every bus with a plugin and a sysfs directory, in a fixed order; ACPI descriptions as their physical node.
# An ACPI description without a physical node is not bindable: left out, without an error.
newtree
mkdir -p "$T/devices/LNXSYSTM:00/LNXPWRBN:00"
ln -s "$T/bus/acpi" "$T/devices/LNXSYSTM:00/LNXPWRBN:00/subsystem"
ln -s "$T/devices/LNXSYSTM:00/LNXPWRBN:00" "$T/bus/acpi/devices/LNXPWRBN:00"
ba status --long --alias-file "$T/.sim/modules.alias"
expect_rc 0 "status of every bus"
expect_eq "$err" "" "no message for descriptions that cannot be bound"
# The ACPI description of platform:AMDI0010:00 is that device: listed once, as itself.
expect_eq "$(printf '%s\n' "$out" | grep -v '^ ' | tr '\n' ' ')" \
	"pci:0000:00:05.0 pci:0000:01:00.0 pci:0000:01:00.1 pci:0000:03:00.0 pci:0000:04:00.0 pci:0000:06:00.0 pci:0000:06:00.1 platform:AMDI0010:00 platform:sim-uart.0 " \
	"status lists pci, platform in name order, an ACPI-described device once"
ba status --long --alias-file "$T/.sim/modules.alias" acpi:AMDI0010:00
expect_in "$out" $'platform:AMDI0010:00\n  via:             acpi:AMDI0010:00\n  path:            '"$T/devices/platform/AMDI0010:00" \
	"the ACPI description named shows with its physical node"
ba status --long --alias-file "$T/.sim/modules.alias"
text1=$out
ba status --long --alias-file "$T/.sim/modules.alias"
expect_eq "$out" "$text1" "status output is deterministic"
ba status --json --alias-file "$T/.sim/modules.alias"
expect_rc 0 "status --json of every bus"
if command -v python3 >/dev/null; then
	printf '%s' "$out" | python3 -c '
import json, sys
d = json.load(sys.stdin)
got = [(o["bus"], o["device"], o.get("via")) for o in d]
want = [("pci", "0000:00:05.0", None), ("pci", "0000:01:00.0", None), ("pci", "0000:01:00.1", None),
        ("pci", "0000:03:00.0", None), ("pci", "0000:04:00.0", None), ("pci", "0000:06:00.0", None),
        ("pci", "0000:06:00.1", None), ("platform", "AMDI0010:00", None), ("platform", "sim-uart.0", None)]
assert got == want, got
assert d[7]["driver"] == "i2c_designware" and d[7]["path"].endswith("/devices/platform/AMDI0010:00"), d[7]
for o in d:
    assert set(o) >= {"bus", "device", "path", "modalias", "driver", "driver_override", "iommu_group",
                      "iommu_group_members", "vfio_candidate"}, o
' && ok "status --json lists every bus, ACPI with via" || fail "status --json of every bus"
fi
# A bus whose sysfs directory is missing is skipped quietly.
rm -rf "$T/bus/acpi"
ba status --json --alias-file "$T/.sim/modules.alias"
expect_rc 0 "status without an acpi bus directory"
expect_eq "$err" "" "and without a message"
case $out in *'"via"'*) fail "no acpi bus, yet an ACPI entry" ;; *) ok "no ACPI entry without the acpi bus" ;; esac
ba status 'pci:../x'
expect_rc 2 "status of a bad name"
babind 0000:01:00.0
ba status 0000:01:00.0
expect_in "$err" "0000:01:00.1 is still bound to host driver snd_hda_intel" "status warns about a group half on VFIO"

# ---- status without a readable modules.alias ----
# The devices are still shown, every candidate unknown; one warning (not one per device) names the file
# and the reason, and the exit status is 3: done, but part of the input could not be used.
newtree
ba status --long --alias-file "$WORK/no-such.alias"
expect_rc 3 "status without modules.alias: rc 3"
expect_eq "$err" "busalias: warning: $WORK/no-such.alias: cannot read modules.alias: No such file or directory; VFIO candidates unknown" \
	"status without modules.alias: one warning naming the file and why"
expect_in "$out" "pci:0000:01:00.0" "status without modules.alias still lists the devices"
expect_in "$out" "vfio_candidate:  (none)" "and shows no candidate"
ba status --json --alias-file "$WORK/no-such.alias" 0000:01:00.0 platform:sim-uart.0
expect_rc 3 "status --json without modules.alias: rc 3"
if command -v python3 >/dev/null; then
	printf '%s' "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert len(d)==2 and d[0]["vfio_candidate"] is None' &&
		ok "status --json without modules.alias: valid, candidate null" || fail "status --json without modules.alias"
fi
ba status -q --alias-file "$WORK/no-such.alias"
expect_rc 3 "status -q without modules.alias: rc 3 still"
expect_eq "$err" "" "status -q: no warning"
# The default location, BASEDIR/lib/modules/VERSION/modules.alias, is named the same way.
ba status -b "$WORK/empty-root" -k 6.1.0-test 0000:01:00.0
expect_rc 3 "status, -b/-k tree without modules.alias: rc 3"
expect_eq "$err" "busalias: warning: $WORK/empty-root/lib/modules/6.1.0-test/modules.alias: cannot read modules.alias: No such file or directory (nor $WORK/empty-root/usr/lib/modules/6.1.0-test/modules.alias); VFIO candidates unknown" \
	"status names the default modules.alias, and the usr/lib/modules one (neither tree exists)"
# A root with only usr/lib/modules (Debian 13 and later) is found; so is -m's directory.
mkdir -p "$WORK/usr-root/usr/lib/modules/6.1.0-test" "$WORK/usr-root/kmods/6.1.0-test"
cp "$T/.sim/modules.alias" "$WORK/usr-root/usr/lib/modules/6.1.0-test/modules.alias"
ba status --long -b "$WORK/usr-root" -k 6.1.0-test 0000:01:00.0
expect_rc 0 "status, -b/-k tree in usr/lib/modules: rc 0"
expect_in "$out" "vfio_candidate:  vfio_pci" "status, tree in usr/lib/modules: candidate found"
ba status -b "$WORK/usr-root" -k 6.1.0-test -m kmods 0000:01:00.0
expect_rc 3 "status -m, no modules.alias there: rc 3"
expect_eq "$err" "busalias: warning: $WORK/usr-root/kmods/6.1.0-test/modules.alias: cannot read modules.alias: No such file or directory; VFIO candidates unknown" \
	"status -m: names that tree's modules.alias"
ba status --long --module-root "$WORK/usr-root/usr/lib/modules/6.1.0-test" 0000:01:00.0
expect_in "$out" "vfio_candidate:  vfio_pci" "status --module-root: candidate found"
# Something that is not a file there: still one line.
ba status --alias-file "$WORK" 0000:01:00.0 0000:01:00.1
expect_rc 3 "status with a directory as modules.alias: rc 3"
expect_eq "$err" "busalias: warning: $WORK: cannot read modules.alias: Is a directory; VFIO candidates unknown" \
	"status with a directory as modules.alias: one warning"
# No device needs a candidate: no warning.
ba status --alias-file "$WORK/no-such.alias" 'pci:../x'
expect_rc 2 "status of a bad name, no modules.alias: rc 2"
case $err in *"modules.alias"*) fail "status warned about modules.alias with no device to look up" ;; *) ok "no modules.alias warning without a device" ;; esac
# A bad --kernel is a usage error, said once.
ba status -k ../x 0000:01:00.0 0000:01:00.1
expect_rc 2 "status with a bad --kernel: rc 2"
expect_eq "$err" "busalias: error: invalid kernel version '../x'" "status with a bad --kernel: one error"
# Listing every device of a tree that is not there (a mistyped --sysfs-root, sysfs not mounted) is
# an error naming it, not an empty list with exit 0.
for root in "$WORK/no-such-root" "$WORK/t0/.sim"; do
	ba status --sysfs-root "$root" --alias-file "$T/.sim/modules.alias"
	expect_rc 6 "status of every device under $root: rc 6"
	expect_eq "$err" "busalias: error: $root/bus: cannot list devices: No such file or directory" \
		"status of every device under $root: says why"
	ba status --json --sysfs-root "$root" --alias-file "$T/.sim/modules.alias"
	expect_rc 6 "status --json of every device under $root: rc 6"
done

# Output that cannot be written is an error that says so.
"$SIM" --config /dev/null status --plugin-dir "$PLUGINS" --sysfs-root "$T" --alias-file "$T/.sim/modules.alias" \
	>/dev/full 2>"$WORK/err"
rc=$? out= err=$(cat "$WORK/err")
expect_rc 6 "status to a full disk: rc 6"
expect_eq "$err" "busalias: error: standard output: No space left on device" "status to a full disk: says so"

# ---- as root: a plugin directory others can write is refused ----
if [ "$(id -u)" = 0 ]; then
	mkdir -m 0777 "$WORK/badplugins" && cp -L "$PLUGINS"/*.so "$WORK/badplugins/"
	"$SIM" --config /dev/null status --plugin-dir "$WORK/badplugins" --sysfs-root "$T" >"$WORK/out" 2>"$WORK/err"
	rc=$? out=$(cat "$WORK/out") err=$(cat "$WORK/err")
	expect_rc 2 "world-writable plugin directory refused as root"
	expect_in "$err" "refusing plugin directory writable by other users" "with a clear message"
	mkdir -m 0777 "$WORK/badlocks"
	babind --lock-dir "$WORK/badlocks" 0000:03:00.0
	expect_rc 6 "world-writable lock directory refused as root"
	expect_in "$err" "refusing lock directory writable by other users" "with a clear message"
fi

finish
