#!/bin/bash
# busalias match: exit codes, --all, --device, a missing modules.alias.
. "$(dirname "$0")/lib.sh"

newtree
A=$T/.sim/modules.alias
cat >"$WORK/ma" <<'EOA'
alias vfio_pci:v*d*sv*sd*bc*sc*i* vfio_pci
alias vfio_pci:v00008086d000010D3sv*sd*bc*sc*i* e1000e_vfio
alias pci:v00008086d000010D3sv*sd*bc*sc*i* e1000e
alias i30* i30_any
EOA
MA=pci:v00008086d000010D3sv00008086sd0000A01Fbc02sc00i00
ba match --alias-file "$WORK/ma" "$MA"
expect_rc 0 "match finds the specific vfio entry"
expect_eq "$out" "e1000e_vfio" "prints the module alone"
ba match --alias-file "$WORK/ma" pci:v00001234d00005678sv0sd0bc03sc00i00
expect_eq "$out" "vfio_pci" "generic vfio_pci when nothing else matches"
ba match --alias-file "$WORK/ma" --prefix '' "$MA"
expect_eq "$out" "e1000e" "--prefix ''"
ba match --alias-file "$WORK/ma" --prefix '' i3000_edac
expect_eq "$out" "i30_any" "i30* glob"
ba match --alias-file "$WORK/ma" --prefix '' usb:v1234
expect_rc 1 "no match: rc 1"
expect_eq "$out" "" "no match: prints nothing"
ba match --alias-file "$WORK/ma" --all "$MA"
expect_rc 0 "--all"
expect_eq "$(echo "$out" | grep -v '^#' | cut -f1 | tr '\n' ' ')" "e1000e_vfio vfio_pci " "--all lists best first"
# An answer that cannot be written is an error that says so, not a silent exit 0.
"$SIM" --config /dev/null match --plugin-dir "$PLUGINS" --sysfs-root "$T" --alias-file "$WORK/ma" "$MA" \
	>/dev/full 2>"$WORK/err"
rc=$? out= err=$(cat "$WORK/err")
expect_rc 6 "match to a full disk: rc 6"
expect_eq "$err" "busalias: error: standard output: No space left on device" "match to a full disk: says so"
ba match --alias-file "$WORK/nonexistent" "$MA"
expect_rc 6 "missing modules.alias: rc 6"
expect_in "$err" "cannot read modules.alias" "missing modules.alias: clear error"
ba match --basedir "$WORK/root" --kernel 6.1.0-test "$MA"
expect_in "$err" "$WORK/root/lib/modules/6.1.0-test/modules.alias" "--basedir/--kernel locate modules.alias"
mkdir -p "$WORK/root/lib/modules/6.1.0-test" && cp "$WORK/ma" "$WORK/root/lib/modules/6.1.0-test/modules.alias"
ba match --basedir "$WORK/root" --kernel 6.1.0-test "$MA"
expect_eq "$out" "e1000e_vfio" "--basedir/--kernel"
ba match --alias-file "$A" --device 0000:01:00.0
expect_eq "$out" "vfio_pci" "--device reads the modalias"
ba match --alias-file "$A" --device acpi:AMDI0010:00 --prefix ''
expect_eq "$out" "i2c_designware_platform" "--device through an ACPI physical node"
ba match --alias-file "$A"
expect_rc 2 "no argument: usage"
ba match --alias-file "$A" --driver x y
expect_rc 2 "bind-only option refused"
finish
