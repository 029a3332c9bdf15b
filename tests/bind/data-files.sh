#!/bin/bash
# The udev rule and the systemd unit as built: no placeholder left, and they agree with the
# binary on where the overrides are (the rule tests the directory busalias writes to by default).
. "$(dirname "$0")/lib.sh"
RULE=$BUILDDIR/data/udev/40-busalias.rules
UNIT=$BUILDDIR/data/systemd/busalias.service
rc=0 out='' err=''  # read by lib.sh's fail()

for f in "$RULE" "$UNIT"; do
	[ -s "$f" ] && ok "${f##*/} built" || fail "${f##*/} not built"
	left=$(grep -o '@[A-Z_]*@' "$f" | sort -u | tr '\n' ' ')
	expect_eq "$left" "" "${f##*/}: no placeholder left"
done
dir=$("$SIM" bind --help | sed -n 's/.*--overrides-dir DIR .*(default \(.*\))$/\1/p')
[ -n "$dir" ] && ok "bind --help names the default overrides directory" || fail "no default in bind --help"
expect_in "$(cat "$RULE")" "TEST!=\"$dir/\$env{SUBSYSTEM}:\$kernel\"" "the rule tests busalias's default directory"
expect_in "$(cat "$UNIT")" "ConditionDirectoryNotEmpty=$dir" "the unit's condition is that directory"
prog=$(sed -n 's/^PROGRAM="\([^ ]*\) udev-apply \$devpath"$/\1/p' "$RULE")
exe=$(sed -n 's/^ExecStart=\([^ ]*\) apply-overrides$/\1/p' "$UNIT")
[ -n "$prog" ] && [ "$prog" = "$exe" ] && ok "rule and unit run the same busalias ($prog)" ||
	fail "rule runs '$prog', unit '$exe'"
case $prog in */bin/busalias) ok "installed as bindir/busalias" ;; *) fail "rule runs '$prog'" ;; esac
# The rule's PROGRAM runs before 80-drivers.rules loads a module by modalias: it must sort first.
[[ ${RULE##*/} < 80-drivers.rules ]] && ok "the rule sorts before 80-drivers.rules" || fail "rule order"
finish
