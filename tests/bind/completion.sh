#!/bin/bash
# data/bash-completion/busalias, sourced in bash: commands, options, device names of a fake sysfs
# (bus:name, names with ':' completed past bash's word break, interfaces), and the option lists
# against each command's --help.
. "$(dirname "$0")/lib.sh"
SRCDIR=${SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
COMPLETION=$SRCDIR/data/bash-completion/busalias
newtree

# complete LINE: COMPREPLY for the cursor at the end of LINE, sorted, one line.
complete_line() {
	# COMP_WORDBREAKS as bash sets it (with ':').
	BA_BREAKS=$' \t\n"\'><=;|&(:' bash --norc --noprofile -c '
		. "$1" || exit 99
		COMP_LINE=$2 COMP_POINT=${#2} COMP_WORDBREAKS=$BA_BREAKS
		_busalias
		printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "' _ "$COMPLETION" "$1"
}

rc=0 out='' err=''  # read by lib.sh's fail()
got=$(complete_line "busalias b")
expect_eq "$got" "bind " "a command"
got=$(complete_line "busalias ")
expect_in "$got" "list-overrides" "every command, the new ones too"
got=$(complete_line "busalias bind --gr")
expect_eq "$got" "--group " "an option of bind"
got=$(complete_line "busalias status --o")
expect_eq "$got" "--overridden " "an option of status"
got=$(complete_line "busalias bind --sysfs-root $T pci:0000:06")
expect_eq "$got" "06:00.0 06:00.1 " "pci devices, the part after the last ':' (bash keeps 'pci:0000:')"
got=$(complete_line "busalias bind --sysfs-root $T 0000:01:00.")
expect_eq "$got" "00.0 00.1 " "a bare address past its last ':'"
got=$(complete_line "busalias restore --sysfs-root $T et")
expect_eq "$got" "eth0 eth1 " "network interfaces"
got=$(complete_line "busalias bind --sysfs-root $T plat")
expect_eq "$got" "platform:AMDI0010:00 platform:sim-uart.0 " "platform devices by bus"
got=$(complete_line "busalias bind --driver n")
expect_eq "$got" "none " "--driver none"
got=$(complete_line "busalias status --sysfs-root $T --bus p")
expect_eq "$got" "pci platform " "--bus from the tree's buses"
got=$(complete_line "busalias help res")
expect_eq "$got" "restore " "help COMMAND"
got=$(complete_line "busalias --config /dev/null st")
expect_eq "$got" "status " "a command after --config FILE"

# Every long option a command's --help lists is completed, and nothing else.
for cmd in gen match bind restore status plugins list-overrides udev-apply apply-overrides import-driverctl; do
	"$SIM" "$cmd" --help >"$WORK/help" 2>&1
	want=$(grep -o -- '--[a-z][a-z-]*' "$WORK/help" | sort -u | tr '\n' ' ')
	got=$(complete_line "busalias $cmd --" | tr ' ' '\n' | grep . | sort -u | tr '\n' ' ')
	expect_eq "$got" "$want" "the options of $cmd match its --help"
done
finish
