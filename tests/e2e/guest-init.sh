#!/bin/busybox sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# shellcheck shell=dash disable=SC1091,SC2015  # busybox ash: has local
#
# /init of the e2e guest (see run.sh).  Mounts the module tree shared over 9p,
# loads the drivers the scenarios start from (there is no udev), runs each
# scenario in a subshell and prints one line per scenario on the console and,
# alone, on the second serial port (ttyS1):
#   E2E: PASS|FAIL|SKIP <name> (<seconds>s) [reason]
# then "E2E: DONE" and powers off.  Every assertion reads sysfs directly.

/bin/busybox mkdir -p /bin /sbin
/bin/busybox --install -s /bin
# /e2e/bin: the busalias built in the tree; /usr/bin/busalias is the Debian package's (E2E_DEB), if any.
export PATH=/e2e/bin:/sbin:/usr/sbin:/bin:/usr/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t tmpfs tmpfs /run
mount -t tmpfs tmpfs /tmp
. /e2e/env

# Result lines go to the console (the boot log) and, alone, to the second serial
# port, so kernel messages never interleave with what the host parses.
say() {
	echo "$*"
	echo "$*" >/dev/ttyS1
}
finish() {
	say "E2E: DONE"
	sync
	poweroff -f
	sleep 5
	echo o >/proc/sysrq-trigger
}
bail() {
	say "E2E: FAIL setup ($*)"
	finish
}

[ "$(uname -r)" = "$E2E_ABI" ] || bail "guest kernel $(uname -r), expected $E2E_ABI"
for k in $(cat /e2e/ko/order); do
	insmod "/e2e/ko/$k" || bail "insmod $k failed"
done
mount -t 9p -o trans=virtio,version=9p2000.L,ro modules /lib/modules || bail "cannot mount the module tree over 9p"
[ -f "/lib/modules/$E2E_ABI/modules.dep.bin" ] || bail "no depmod'ed tree in /lib/modules/$E2E_ABI"
# The guest boots twice (run.sh): "main" runs the scenarios, "reboot" checks what bind --persist left
# in /etc/busalias, a host directory shared writable over 9p that outlives the first boot.
PHASE=main
case " $(cat /proc/cmdline) " in *" e2e.phase=reboot "*) PHASE=reboot ;; esac
mkdir -p /etc/busalias
mount -t 9p -o trans=virtio,version=9p2000.L persist /etc/busalias || bail "cannot mount the persistent /etc/busalias over 9p"
OVR=/etc/busalias/overrides.d

cat >/tmp/busalias.conf <<'EOF'
[core]
plugin_dir = /usr/lib/busalias/plugins
EOF
BA_CONF=/tmp/busalias.conf
ba() { timeout 120 busalias --config "$BA_CONF" "$@"; }

# Coldplug what the scenarios start from (no udev in the first boot; udev does it in the second).
[ "$PHASE" = main ] && { modprobe -a e1000 pcspkr pvpanic_mmio 2>&1 || say "e2e: coldplug modprobe failed"; }

E1000=
for d in /sys/bus/pci/devices/*; do
	if [ "$(cat "$d/vendor")" = 0x8086 ] && [ "$(cat "$d/device")" = 0x100e ]; then
		E1000=${d##*/}
		break
	fi
done
PCIDEV=/sys/bus/pci/devices/$E1000
# The two functions of the multifunction e1000 behind the PCIe-to-PCI bridge: one IOMMU group.
F0='' F1=''
for d in /sys/bus/pci/devices/*; do
	[ "${d##*/}" != "$E1000" ] && [ "$(cat "$d/vendor")" = 0x8086 ] && [ "$(cat "$d/device")" = 0x100e ] || continue
	case ${d##*/} in *.0) F0=${d##*/} ;; *.1) F1=${d##*/} ;; esac
done
FD0=/sys/bus/pci/devices/$F0
FD1=/sys/bus/pci/devices/$F1
PCSPKR=/sys/bus/platform/devices/pcspkr
PVPANIC=/sys/bus/platform/devices/QEMU0001:00

# --- assertion helpers (run inside a scenario's subshell) ---------------------
fail() {
	echo "FAILED: $*"
	exit 1
}
drv() {  # sysfs device dir -> driver name, or "none"
	local l
	l=$(readlink "$1/driver") && echo "${l##*/}" || echo none
}
expect_drv() {  # dir driver
	local d
	d=$(drv "$1")
	[ "$d" = "$2" ] || fail "${1##*/} is on driver '$d', expected '$2'"
	echo "ok: ${1##*/} on $2"
}
expect_override() {  # dir value ("(null)" when unset)
	local o
	o=$(cat "$1/driver_override")
	[ "$o" = "$2" ] || fail "${1##*/} driver_override is '$o', expected '$2'"
}
run() {  # expected-rc command... : run busalias, show its output, check its exit code
	local want=$1 rc
	shift
	echo "+ busalias $*"
	ba "$@" >/tmp/out 2>&1
	rc=$?
	sed 's/^/  | /' /tmp/out
	echo "  exit $rc"
	case " $want " in
	*" $rc "*) ;;
	*) fail "busalias $* exited $rc, expected $want" ;;
	esac
}
json_obj() {  # device -> its top-level object in /tmp/out (status --json), flattened
	tr -d ' \n\t' </tmp/out | awk '{ gsub(/\{"bus":/, "\n{\"bus\":"); print }' |
		awk -v want="\"device\":\"$1\"" 'match($0, /"device":"[^"]*"/) && substr($0, RSTART, RLENGTH) == want' |
		sed 's/\[{[^]]*}\]/[]/g'  # nested arrays of objects (group members) are not the device's own keys
}
expect_json() {  # device key value : status --json shows "key":"value" (or a bare value) for device
	local obj
	obj=$(json_obj "$1")
	[ -n "$obj" ] || fail "status --json has no object for $1"
	case $obj in
	*"\"$2\":\"$3\""* | *"\"$2\":$3,"* | *"\"$2\":$3}"*) echo "ok: status $1 $2=$3" ;;
	*) fail "status --json for $1 lacks $2=$3: $obj" ;;
	esac
}
has_cmd() {
	ba "$1" --help >/dev/null 2>&1
}
need_bind() {
	for c in bind restore; do
		has_cmd $c || { echo "SKIPPED: this busalias has no '$c' command"; exit 77; }
	done
}

# After a failed scenario, put the devices back on their drivers through the
# guest's sysfs directly, so one failure does not cascade into the next scenario.
reset_dev() {  # sysfs device dir, bus
	[ -e "$1" ] || return 0
	echo >"$1/driver_override"
	[ "$(drv "$1")" = none ] || echo "${1##*/}" >"$1/driver/unbind"
	echo "${1##*/}" >"/sys/bus/$2/drivers_probe"
	echo "reset: ${1##*/} now on $(drv "$1")"
}
reset_all() {
	reset_dev "$PCIDEV" pci
	reset_dev "$FD0" pci
	reset_dev "$FD1" pci
	reset_dev "$PCSPKR" platform
	reset_dev "$PVPANIC" platform
}

now() { cut -d' ' -f1 /proc/uptime; }
scenario() {  # name function
	local name=$1 t0 t1 rc res reason
	t0=$(now)
	( set +e; "$2" ) >/tmp/scenario.out 2>&1
	rc=$?
	t1=$(now)
	sed "s/^/[$name] /" /tmp/scenario.out
	reason=$(grep -E '^(FAILED|SKIPPED): ' /tmp/scenario.out | tail -n 1 | sed -E 's/^[A-Z]+: //')
	case $rc in
	0) res=PASS ;;
	77) res=SKIP ;;
	*) res=FAIL; reset_all 2>&1 | sed "s/^/[$name] /" ;;
	esac
	say "E2E: $res $name ($(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')s)${reason:+ $reason}"
}

# --- scenarios --------------------------------------------------------------------
# 1. e1000 -> vfio-pci (module vfio_pci, driver name differs) -> back.  Matched
#    against the stock modules.alias so the generic vfio_pci entry is the best one.
s_vfio_pci() {
	[ -n "$E1000" ] || fail "no e1000 (8086:100e) PCI device in the guest"
	expect_drv "$PCIDEV" e1000
	has_cmd match && { run 0 match --alias-file /e2e/stock.alias --device "$E1000"
		[ "$(cat /tmp/out)" = vfio_pci ] || fail "match chose '$(cat /tmp/out)', expected vfio_pci"; }
	need_bind
	run 0 bind "$E1000" --alias-file /e2e/stock.alias
	expect_drv "$PCIDEV" vfio-pci
	expect_override "$PCIDEV" vfio-pci
	[ -d /sys/module/vfio_pci/drivers/pci:vfio-pci ] || fail "vfio-pci is not the driver of module vfio_pci"
	group=$(readlink "$PCIDEV/iommu_group") || fail "$E1000 has no IOMMU group"
	group=${group##*/}
	[ -c "/dev/vfio/$group" ] || fail "/dev/vfio/$group missing"
	echo "ok: /dev/vfio/$group exists"
	run 0 bind "$E1000" --alias-file /e2e/stock.alias
	expect_drv "$PCIDEV" vfio-pci
	echo "ok: binding again is a no-op"
	run 0 restore "$E1000"
	expect_drv "$PCIDEV" e1000
	expect_override "$PCIDEV" "(null)"
}

# 2. Variant selection: the test module's override-only vfio_pci ID for 8086:100e
#    beats the generic vfio_pci entry, in depmod's modules.alias and in busalias gen's.
s_variant() {
	expect_drv "$PCIDEV" e1000
	if has_cmd match; then
		run 0 match --device "$E1000"
		[ "$(cat /tmp/out)" = ba_e2e_variant ] || fail "match (depmod alias) chose '$(cat /tmp/out)'"
		run 0 match --alias-file /e2e/gen.alias --device "$E1000"
		[ "$(cat /tmp/out)" = ba_e2e_variant ] || fail "match (gen alias) chose '$(cat /tmp/out)'"
		run 0 match --all --device "$E1000"
		grep -q vfio_pci /tmp/out || fail "match --all does not list the generic vfio_pci candidate"
	fi
	need_bind
	run 0 bind "$E1000" --alias-file /e2e/gen.alias
	expect_drv "$PCIDEV" ba-e2e-variant
	expect_override "$PCIDEV" ba-e2e-variant
	run 0 restore "$E1000"
	expect_drv "$PCIDEV" e1000
	run 0 bind "$E1000"
	expect_drv "$PCIDEV" ba-e2e-variant
	run 0 restore "$E1000"
	expect_drv "$PCIDEV" e1000
	expect_override "$PCIDEV" "(null)"
}

# 3. Rollback: a target whose probe fails, and a target module that does not exist.
s_rollback() {
	expect_drv "$PCIDEV" e1000
	need_bind
	run 4 bind "$E1000" --driver ba_e2e_failprobe
	grep -qiE 'probe|verif|not bound|bind' /tmp/out || fail "the failed step is not reported"
	grep -qiE 'roll|restor|back' /tmp/out || fail "the rollback is not reported"
	expect_drv "$PCIDEV" e1000
	expect_override "$PCIDEV" "(null)"
	[ -d /sys/module/ba_e2e_failprobe ] || fail "the failing driver was never loaded"
	run "1 4 6" bind "$E1000" --driver ba_e2e_no_such_module
	expect_drv "$PCIDEV" e1000
	expect_override "$PCIDEV" "(null)"
}

# 4. Platform bus: pcspkr between the pcspkr driver and the override-only test
#    driver, and snd_pcsp (same driver name "pcspkr": its load must be refused
#    while pcspkr is registered, and busalias must leave the device where it was).
s_platform() {
	[ -e "$PCSPKR" ] || fail "no pcspkr platform device"
	expect_drv "$PCSPKR" pcspkr
	need_bind
	run 0 bind platform:pcspkr --driver ba_e2e_plat
	expect_drv "$PCSPKR" ba-e2e-plat
	expect_override "$PCSPKR" ba-e2e-plat
	run 0 restore platform:pcspkr
	expect_drv "$PCSPKR" pcspkr
	expect_override "$PCSPKR" "(null)"
	[ -d /sys/module/pcspkr/drivers/platform:pcspkr ] || fail "pcspkr is not bound by the pcspkr module"
	run "0 4" bind platform:pcspkr --driver snd_pcsp
	if [ -d /sys/module/snd_pcsp/drivers/platform:pcspkr ]; then
		expect_drv "$PCSPKR" pcspkr
		echo "ok: snd_pcsp holds pcspkr"
		run 0 restore platform:pcspkr
	fi
	expect_drv "$PCSPKR" pcspkr
}

# 5. ACPI: QEMU's ISA pvpanic named by its ACPI id QEMU0001:00, resolved to its
#    physical node (platform QEMU0001:00, driver pvpanic-mmio) and moved.  Not
#    fw_cfg (QEMU0002): its driver in 6.1 cannot probe again after an unbind
#    (fw_cfg_sysfs_remove leaves fw_cfg_sel_ko set, the next probe gets -EBUSY).
s_acpi() {
	[ -e /sys/bus/acpi/devices/QEMU0001:00 ] || fail "no QEMU0001:00 ACPI device"
	[ "$(readlink -f /sys/bus/acpi/devices/QEMU0001:00/physical_node)" = "$(readlink -f "$PVPANIC")" ] ||
		fail "the physical node of QEMU0001:00 is not platform/QEMU0001:00"
	expect_drv "$PVPANIC" pvpanic-mmio
	need_bind
	run 0 bind acpi:QEMU0001:00 --driver ba_e2e_plat
	expect_drv "$PVPANIC" ba-e2e-plat
	expect_override "$PVPANIC" ba-e2e-plat
	run 0 restore acpi:QEMU0001:00
	expect_drv "$PVPANIC" pvpanic-mmio
	expect_override "$PVPANIC" "(null)"
}

# 7. Safety on the real kernel: --dry-run writes nothing, a NIC whose interface is
#    up is refused without --force, two concurrent binds serialise on the device
#    lock, and binding one member of a multi-device IOMMU group warns about the
#    members left on host drivers (q35's 00:1f.x functions share a group).
s_safety() {
	need_bind
	expect_drv "$PCIDEV" e1000
	run 0 bind "$E1000" --alias-file /e2e/stock.alias --dry-run
	grep -q driver_override /tmp/out || fail "--dry-run does not show the driver_override write"
	expect_drv "$PCIDEV" e1000
	expect_override "$PCIDEV" "(null)"

	ifname=$(ls "$PCIDEV/net" | head -n 1)
	[ -n "$ifname" ] || fail "the e1000 has no network interface"
	ip link set "$ifname" up || fail "cannot bring $ifname up"
	run 4 bind "$E1000" --alias-file /e2e/stock.alias
	grep -qi 'in use' /tmp/out || fail "the refusal does not say the device is in use"
	expect_drv "$PCIDEV" e1000
	[ $(($(cat "$PCIDEV/net/$ifname/flags") & 1)) = 1 ] || fail "$ifname went down"
	run 0 bind "$E1000" --alias-file /e2e/stock.alias --force
	expect_drv "$PCIDEV" vfio-pci
	run 0 restore "$E1000"
	expect_drv "$PCIDEV" e1000

	echo "+ two concurrent binds"
	ba bind "$E1000" --alias-file /e2e/stock.alias >/tmp/c1 2>&1 &
	p1=$!
	ba bind "$E1000" --alias-file /e2e/stock.alias >/tmp/c2 2>&1 &
	p2=$!
	wait $p1
	r1=$?
	wait $p2
	r2=$?
	sed 's/^/  1| /' /tmp/c1
	sed 's/^/  2| /' /tmp/c2
	[ $r1 = 0 ] && [ $r2 = 0 ] || fail "concurrent binds exited $r1 and $r2"
	grep -q 'nothing to do' /tmp/c1 /tmp/c2 || fail "neither concurrent bind found the device already bound"
	expect_drv "$PCIDEV" vfio-pci
	run 0 restore "$E1000"
	expect_drv "$PCIDEV" e1000

	smbus='' sata=''
	for d in /sys/bus/pci/devices/*; do
		case $(cat "$d/class") in
		0x0c0500) smbus=${d##*/} ;;
		0x010601) sata=${d##*/} ;;
		esac
	done
	[ -n "$smbus" ] && [ -n "$sata" ] || fail "no q35 SMBus/AHCI functions"
	[ "$(readlink "/sys/bus/pci/devices/$smbus/iommu_group")" = "$(readlink "/sys/bus/pci/devices/$sata/iommu_group")" ] ||
		fail "$smbus and $sata are not in one IOMMU group"
	modprobe ahci || fail "modprobe ahci failed"
	expect_drv "/sys/bus/pci/devices/$sata" ahci
	before=$(drv "/sys/bus/pci/devices/$smbus")
	run 0 bind "$smbus" --alias-file /e2e/stock.alias
	grep -q "$sata is still bound to host driver ahci" /tmp/out || fail "no warning about $sata left on ahci"
	expect_drv "/sys/bus/pci/devices/$smbus" vfio-pci
	expect_drv "/sys/bus/pci/devices/$sata" ahci
	run 0 restore "$smbus"
	expect_drv "/sys/bus/pci/devices/$smbus" "$before"
	expect_override "/sys/bus/pci/devices/$smbus" "(null)"
}

# 6. status --json names the devices, their drivers and IOMMU groups.
s_status() {
	has_cmd status || { echo "SKIPPED: this busalias has no 'status' command"; exit 77; }
	group=$(readlink "$PCIDEV/iommu_group") || fail "$E1000 has no IOMMU group"
	group=${group##*/}
	run 0 status --json "$E1000" platform:pcspkr acpi:QEMU0001:00
	expect_json "$E1000" driver e1000
	expect_json "$E1000" iommu_group "$group"
	expect_json pcspkr driver pcspkr
	expect_json QEMU0001:00 driver pvpanic-mmio
	need_bind
	run 0 bind "$E1000" --alias-file /e2e/stock.alias
	run 0 status --json "$E1000"
	expect_json "$E1000" driver vfio-pci
	expect_json "$E1000" driver_override vfio-pci
	expect_json "$E1000" iommu_group "$group"
	run 0 restore "$E1000"
	expect_drv "$PCIDEV" e1000
	run 0 status --json
	expect_json "$E1000" driver e1000
	expect_json "$E1000" iommu_group "$group"
	expect_json pcspkr driver pcspkr
}

# 8. The Debian package (E2E_DEB): its own binary, with no configuration and no --plugin-dir, finds
#    its plugins in the package's directory and, with -b alone, the running kernel's version in a
#    root whose modules are in usr/lib/modules (Debian 13); it generates what the built binary
#    generated on the host (drivers/net/ethernet: the whole tree takes minutes under TCG), and binds
#    the e1000 to vfio-pci and back.
s_package() {
	[ -n "${E2E_DEB:-}" ] || { echo "SKIPPED: no package (E2E_DEB) in this guest"; exit 77; }
	[ ! -e /etc/busalias.conf ] || fail "/etc/busalias.conf exists: the defaults would not be tested"
	pkg() {  # expected-rc args... : the packaged binary, its output in /tmp/out
		local want=$1 rc
		shift
		echo "+ /usr/bin/busalias $*"
		timeout 300 /usr/bin/busalias "$@" >/tmp/out 2>/tmp/err
		rc=$?
		sed 's/^/  | /' /tmp/out | head -n 20
		sed 's/^/  ! /' /tmp/err
		echo "  exit $rc"
		case " $want " in
		*" $rc "*) ;;
		*) fail "/usr/bin/busalias $* exited $rc, expected $want" ;;
		esac
	}
	echo "package: $E2E_DEB"
	pkg 0 version
	pkg 0 plugins
	for p in acpi pci platform; do
		grep -q "^$p	.*	$E2E_DEB_PLUGINS/$p\.so\$" /tmp/out || fail "plugins: $p not loaded from $E2E_DEB_PLUGINS"
	done
	echo "ok: the package's plugins from $E2E_DEB_PLUGINS"
	mkdir -p /tmp/pkgroot/usr/lib/modules
	ln -s "/lib/modules/$E2E_ABI/kernel/drivers/net/ethernet" "/tmp/pkgroot/usr/lib/modules/$(uname -r)"
	t0=$(now)
	pkg 0 gen -b /tmp/pkgroot -o /tmp/pkg-gen.alias
	cmp -s /tmp/pkg-gen.alias /e2e/gen-ethernet.alias ||
		fail "packaged gen differs from the built gen on the host ($(wc -l </tmp/pkg-gen.alias) vs $(wc -l </e2e/gen-ethernet.alias) lines)"
	echo "ok: packaged gen -b ROOT (usr/lib/modules/$(uname -r)) = the built gen's ($(wc -l </tmp/pkg-gen.alias) lines, $(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')s)"
	pkg 0 gen --modinfo-aliases -o - "/lib/modules/$E2E_ABI/kernel/drivers/net/ethernet"
	cmp -s /tmp/out /e2e/gen-ethernet-mi.alias || fail "packaged gen --modinfo-aliases -o - differs from the built gen's"
	echo "ok: packaged gen --modinfo-aliases -o - = the built gen's"
	[ -n "$E1000" ] || fail "no e1000 (8086:100e) PCI device in the guest"
	expect_drv "$PCIDEV" e1000
	pkg 0 bind "$E1000" --alias-file /e2e/stock.alias --dry-run
	grep -q driver_override /tmp/out || fail "packaged bind --dry-run does not show the driver_override write"
	expect_drv "$PCIDEV" e1000
	pkg 0 bind "$E1000" --alias-file /e2e/stock.alias
	expect_drv "$PCIDEV" vfio-pci
	expect_override "$PCIDEV" vfio-pci
	pkg 0 status --json "$E1000"
	grep -q '"driver": *"vfio-pci"' /tmp/out || fail "packaged status --json does not show vfio-pci"
	pkg 0 restore "$E1000"
	expect_drv "$PCIDEV" e1000
	expect_override "$PCIDEV" "(null)"
}

need_admin() {  # the issue-10 options
	ba bind --help 2>&1 | grep -q -- --persist || { echo "SKIPPED: this busalias has no bind --persist/--group"; exit 77; }
}
group_of() { readlink "$1/iommu_group" | sed 's,.*/,,'; }

# 9. Group bind: --group on one function moves both functions of the group, leaves the bridge.
s_group() {
	need_bind
	need_admin
	[ -n "$F0" ] && [ -n "$F1" ] || fail "no two-function e1000 behind the bridge"
	g=$(group_of "$FD0")
	[ -n "$g" ] && [ "$g" = "$(group_of "$FD1")" ] || fail "$F0 and $F1 are not in one IOMMU group"
	echo "group $g: $(ls "/sys/kernel/iommu_groups/$g/devices" | tr '\n' ' ')"
	bridge=''
	for m in "/sys/kernel/iommu_groups/$g/devices"/*; do
		[ "$(cat "$m/class")" = 0x060400 ] && bridge=${m##*/}
	done
	[ -n "$bridge" ] && bdrv=$(drv "/sys/bus/pci/devices/$bridge")
	expect_drv "$FD0" e1000
	expect_drv "$FD1" e1000
	run 0 bind --group "$F0" --alias-file /e2e/stock.alias
	expect_drv "$FD0" vfio-pci
	expect_drv "$FD1" vfio-pci
	expect_override "$FD1" vfio-pci
	[ -c "/dev/vfio/$g" ] || fail "/dev/vfio/$g missing: the group is not viable"
	echo "ok: /dev/vfio/$g exists"
	if [ -n "$bridge" ]; then
		[ "$(drv "/sys/bus/pci/devices/$bridge")" = "$bdrv" ] || fail "the bridge $bridge changed driver"
		grep -q "leaving bridge pci:$bridge alone" /tmp/out || fail "no word about the bridge"
		echo "ok: bridge $bridge left on $bdrv"
	fi
	run 0 restore --group "$F1"
	expect_drv "$FD0" e1000
	expect_drv "$FD1" e1000
	expect_override "$FD0" "(null)"
	expect_override "$FD1" "(null)"
}

# 10. All or nothing: the second function refuses the driver after the first was moved to it.
s_group_rollback() {
	need_bind
	need_admin
	expect_drv "$FD0" e1000
	expect_drv "$FD1" e1000
	run 4 bind --driver ba_e2e_failsecond "$F0" "$F1"
	dmesg | grep -q "$F0: ba_e2e_failsecond bound" || fail "$F0 was never moved (the first device must be)"
	dmesg | grep -q "$F1: ba_e2e_failsecond refusing" || fail "$F1's probe was not the one that failed"
	grep -q "putting the 1 device moved before it back" /tmp/out || fail "the rollback of $F0 is not reported"
	expect_drv "$FD0" e1000
	expect_drv "$FD1" e1000
	expect_override "$FD0" "(null)"
	expect_override "$FD1" "(null)"
}

# 11. Unbind only: no driver, and a reprobe does not bring one back; restore does.
s_unbind() {
	need_bind
	need_admin
	expect_drv "$FD0" e1000
	run 0 bind --driver none "$F0"
	expect_drv "$FD0" none
	expect_override "$FD0" none
	echo "$F0" >/sys/bus/pci/drivers_probe
	expect_drv "$FD0" none
	echo "ok: drivers_probe leaves $F0 without a driver"
	run 0 restore "$F0"
	expect_drv "$FD0" e1000
	expect_override "$FD0" "(null)"
}

# 12. Persist (first boot): the e1000 on vfio-pci and F1 unbound, remembered in /etc/busalias.
s_persist() {
	need_bind
	need_admin
	rm -rf "$OVR"
	expect_drv "$PCIDEV" e1000
	run 0 bind --persist --overrides-dir "$OVR" "$E1000" --alias-file /e2e/stock.alias
	run 0 bind --persist --overrides-dir "$OVR" --driver none "$F1"
	expect_drv "$PCIDEV" vfio-pci
	expect_drv "$FD1" none
	grep -qx 'driver = vfio-pci' "$OVR/pci:$E1000" && grep -qx 'module = vfio_pci' "$OVR/pci:$E1000" ||
		fail "$OVR/pci:$E1000: $(cat "$OVR/pci:$E1000" 2>&1)"
	grep -qx 'driver = none' "$OVR/pci:$F1" || fail "$OVR/pci:$F1: $(cat "$OVR/pci:$F1" 2>&1)"
	run 0 list-overrides --overrides-dir "$OVR"
	grep -qx "pci:$E1000 driver=vfio-pci module=vfio_pci applied" /tmp/out || fail "list-overrides"
	sync
}

# 13. Persist (second boot): udev, unpacked from Debian's package, starts with busalias's rule and
#     coldplugs; the persisted overrides are in place without anyone running busalias by hand.
s_reboot() {
	[ -f "$OVR/pci:$E1000" ] || fail "the override file did not survive the reboot"
	rule=$(grep -l busalias /lib/udev/rules.d/*.rules) || fail "no busalias udev rule in the guest"
	echo "rule $rule: $(grep "^PROGRAM" "$rule")"
	expect_drv "$PCIDEV" none
	/lib/systemd/systemd-udevd --daemon --resolve-names=never || fail "systemd-udevd did not start"
	t0=$(now)
	udevadm trigger --type=subsystems --action=add
	udevadm trigger --type=devices --action=add
	udevadm settle --timeout=180 || echo "udevadm settle timed out"
	echo "udev coldplug settled in $(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')s"
	[ -d /sys/module/e1000 ] || fail "udev did not load e1000 (kmod builtin)"
	expect_drv "$PCIDEV" vfio-pci
	expect_override "$PCIDEV" vfio-pci
	expect_drv "$FD1" none
	expect_override "$FD1" none
	expect_drv "$FD0" e1000
	if dmesg | grep -q "e1000 $E1000"; then
		echo "note: e1000 (loaded for another device's event) took $E1000 first; the rule moved it"
	else
		echo "ok: e1000 never probed $E1000: the override was in place first"
	fi
	run 0 list-overrides --overrides-dir "$OVR"
	grep -qx "pci:$E1000 driver=vfio-pci module=vfio_pci applied" /tmp/out || fail "list-overrides after the reboot"
	run 0 restore --persist --overrides-dir "$OVR" "$E1000" "$F1"
	expect_drv "$PCIDEV" e1000
	expect_drv "$FD1" e1000
	[ -z "$(ls -A "$OVR")" ] || fail "restore --persist left $(ls -A "$OVR")"
	udevadm control --exit 2>/dev/null || true
}

say "E2E: kernel $(uname -r), booted in $(now)s, e1000 at ${E1000:-none}, iommu group $(readlink "$PCIDEV/iommu_group" | sed 's,.*/,,')"
ba version || say "e2e: busalias does not run in the guest"
if [ "$PHASE" = reboot ]; then
	scenario persist-reboot s_reboot
	finish
fi
scenario vfio-pci s_vfio_pci
scenario variant s_variant
scenario rollback s_rollback
scenario platform s_platform
scenario acpi s_acpi
scenario status-json s_status
scenario safety s_safety
scenario package s_package
scenario group s_group
scenario group-rollback s_group_rollback
scenario unbind-only s_unbind
scenario persist s_persist
finish
