#!/bin/bash
# busalias index: the lookup index beside modules.alias; match through it answers as without it;
# a stale or malformed index is not used; exit statuses; the kernel hook.
. "$(dirname "$0")/lib.sh"
SRCDIR=${SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}

# bai COMMAND ARGS...: busalias without a sysfs root (index takes none); sets rc, out, err.
bai() {
	local cmd=$1
	shift
	"$SIM" --config /dev/null "$cmd" --plugin-dir "$PLUGINS" "$@" >"$WORK/out" 2>"$WORK/err"
	rc=$? out=$(cat "$WORK/out") err=$(cat "$WORK/err")
}

newtree
R=$WORK/root/lib/modules/6.1.0-test
mkdir -p "$R"
A=$R/modules.alias
cat >"$A" <<'EOA'
# Aliases extracted from modules themselves.
alias vfio_pci:v*d*sv*sd*bc*sc*i* vfio_pci
alias vfio_pci:v00008086d000010D3sv*sd*bc*sc*i* e1000e_vfio
alias pci:v00008086d000010D3sv*sd*bc*sc*i* e1000e
alias pci:v*d*sv*sd*bc0Csc03i30* xhci_pci
alias i30* i30_any
alias acpi*:PNP0501:* 8250_pnp
alias usb:v0BDAp8153d*dc*dsc*dp*ic*isc*ip*in* r8152
alias pci:v00008086d000010D3sv*sd*bc*sc*i* bad	name
EOA
MAS=(pci:v00008086d000010D3sv00008086sd0000A01Fbc02sc00i00 pci:v00001B21d00001242sv0sd0bc0Csc03i30
	i3000_edac acpi:PNP0501:PNP0500: usb:v0BDAp8153d3000dc00dsc00dp00icFFisc00ip00in00 nothing:here)

# Every lookup, plain and vfio_, --all: what the scan prints.
answers() {
	local ma p
	for ma in "${MAS[@]}"; do
		for p in '' vfio_; do
			ba match --basedir "$WORK/root" --kernel 6.1.0-test --prefix "$p" --all "$ma"
			printf '%s\n%s\nrc %s\n' "$out" "$err" "$rc"
		done
	done
}
scan=$(answers)
bai index --basedir "$WORK/root" --kernel 6.1.0-test
expect_rc 0 "index: rc 0"
expect_eq "$out$err" "" "index: silent"
[ -f "$A.busalias-index" ] && ok "index: written beside modules.alias" || fail "index: no $A.busalias-index"
expect_eq "$(find "$R" -name '.*' | wc -l)" "0" "index: no temporary file left"
indexed=$(answers)
expect_eq "$indexed" "$scan" "match through the index: the scan's answers and warnings"
expect_in "$scan" "xhci_pci" "the lookups found class and glob matches"

# Stale by inode: a modules.alias renamed in (as depmod and sed -i write it) is read, not the old index.
cp "$A" "$WORK/a.orig"
sed -i 's/ e1000e_vfio$/ rewritten_vfio/' "$A"
touch -r "$WORK/a.orig" "$A"
ba match --basedir "$WORK/root" --kernel 6.1.0-test "${MAS[0]}"
# sed -i renames a new file in: a new inode, so the old index is stale and the file is read.
expect_eq "$out" "rewritten_vfio" "a rewritten modules.alias (new inode) is read, not the stale index"
bai index --basedir "$WORK/root" --kernel 6.1.0-test
cp "$WORK/a.orig" "$WORK/a.new"
cat "$WORK/a.orig" >"$A"  # in place: same inode, same size, new mtime
ba match --basedir "$WORK/root" --kernel 6.1.0-test "${MAS[0]}"
expect_eq "$out" "e1000e_vfio" "modules.alias changed in place (mtime): the stale index is not used"
expect_eq "$err" "" "a stale index: no warning"

# Malformed: named, ignored, the answer still right.
bai index --basedir "$WORK/root" --kernel 6.1.0-test
printf 'BAIDX\0\0\0\x09' | dd of="$A.busalias-index" conv=notrunc status=none
ba match --basedir "$WORK/root" --kernel 6.1.0-test "${MAS[0]}"
expect_rc 0 "a malformed index: match still answers"
expect_eq "$out" "e1000e_vfio" "a malformed index: the file is read"
expect_in "$err" "$A.busalias-index: malformed index (unknown version), ignored" "a malformed index is named"
head -c 10 "$A" >"$A.busalias-index.short" && mv "$A.busalias-index.short" "$A.busalias-index"
ba match --basedir "$WORK/root" --kernel 6.1.0-test "${MAS[0]}"
expect_eq "$out" "e1000e_vfio" "a truncated index: the file is read"
expect_in "$err" "malformed index (no index header)" "a truncated index is named"

# Exit statuses.
bai index --alias-file "$WORK/nonexistent"
expect_rc 6 "index of a missing file: rc 6"
expect_in "$err" "$WORK/nonexistent: cannot read modules.alias" "index of a missing file: says so"
mkfifo "$WORK/fifo"
bai index --alias-file "$WORK/fifo"
expect_rc 2 "index of a FIFO: rc 2"
expect_in "$err" "not a regular file" "index of a FIFO: says so"
bai index --alias-file "$A" extra
expect_rc 2 "index with an argument: rc 2"
mkdir -p "$WORK/ro" && cp "$A" "$WORK/ro/modules.alias" && chmod 555 "$WORK/ro"
if [ "$(id -u)" != 0 ]; then
	bai index --alias-file "$WORK/ro/modules.alias"
	expect_rc 6 "index in a read-only directory: rc 6"
	expect_in "$err" "cannot write" "index in a read-only directory: says so"
fi
chmod 755 "$WORK/ro"

# The kernel hook: the index of /lib/modules/VERSION, silently; nothing for a kernel without one.
hook=$SRCDIR/data/kernel/zz-busalias-index
[ -x "$hook" ] && ok "the kernel hook is executable" || fail "$hook is not executable"
rm -f "$A.busalias-index"
mkdir -p "$WORK/bin"
printf '#!/bin/sh\nexec %q "$@"\n' "$SIM" >"$WORK/bin/busalias"
chmod +x "$WORK/bin/busalias"
out=$(BUSALIAS_HOOK_BASEDIR=$WORK/root PATH=$WORK/bin:$PATH sh "$hook" 6.1.0-test 2>&1) rc=$?
expect_rc 0 "kernel hook: rc 0"
expect_eq "$out" "" "kernel hook: silent"
[ -f "$A.busalias-index" ] && ok "kernel hook: the index written" || fail "kernel hook: no index"
expect_eq "$(answers)" "$scan" "kernel hook's index: the scan's answers"
out=$(BUSALIAS_HOOK_BASEDIR=$WORK/root PATH=$WORK/bin:$PATH sh "$hook" 0.0.0-none 2>&1) rc=$?
expect_rc 0 "kernel hook, a kernel without modules.alias: rc 0"
expect_eq "$out" "" "kernel hook, a kernel without modules.alias: silent"
out=$(PATH=$WORK/bin:$PATH sh "$hook" 2>&1) rc=$?
expect_rc 0 "kernel hook, no argument: rc 0"
finish
