#!/bin/sh
# The man pages as a user meets them: the version in the footer, no placeholder left, every option
# of every command's --help and every command of the general help documented in busalias(1), and
# SEE ALSO naming pages that exist.
. "${srcdir:-.}/tests/cli/lib.sh"

MAN1=$MAN_DIR/busalias.1
MAN5=$MAN_DIR/busalias.conf.5
for page in "$MAN1" "$MAN5"; do
	[ -s "$page" ] || { fail "$page not built"; continue; }
	th=$(grep '^\.TH ' "$page")
	case $th in
	*"\"busalias $PACKAGE_VERSION\""*) ok ;;
	*) fail "${page##*/}: footer is not \"busalias $PACKAGE_VERSION\": $th" ;;
	esac
	left=$(grep -o '@[A-Z_]*@' "$page" | sort -u | tr '\n' ' ')
	[ -z "$left" ] && ok || fail "${page##*/}: placeholders left: $left"
	# man(1) renders it without complaint (when man is installed).  Line-filling warnings depend on
	# the length of the configured paths (distcheck's prefix is long), so they are left to lintian.
	if command -v man >/dev/null 2>&1; then
		LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$page" 2>&1 >"$TMP/rendered" |
			grep -v "cannot adjust line\|can't break line" >"$TMP/warn"
		[ -s "$TMP/rendered" ] && [ ! -s "$TMP/warn" ] && ok || fail "${page##*/}: man -l: $(head -5 "$TMP/warn")"
	fi
done

# Options: each --long option in a command's help is in busalias(1) (written \-\-long there).
for c in gen match bind restore status plugins list-overrides udev-apply apply-overrides import-driverctl; do
	"$BUSALIAS" $NOCONF $c --help >"$TMP/help" 2>&1
	for o in $(grep -o -- '--[a-z][a-z-]*' "$TMP/help" | sort -u); do
		esc=$(printf '%s' "$o" | sed 's/-/\\-/g')
		grep -qF -- "$esc" "$MAN1" && ok || fail "busalias $c --help lists $o, busalias(1) does not"
	done
	# and its short options
	for o in $(grep -oE '^  -[a-zA-Z],' "$TMP/help" | tr -d ' ,'); do
		esc=$(printf '%s' "$o" | sed 's/-/\\-/g')
		grep -qF -- "$esc" "$MAN1" && ok || fail "busalias $c --help lists $o, busalias(1) does not"
	done
	grep -qE "^\.SS \"?$c " "$MAN1" && ok || fail "busalias(1) has no section for $c"
done
# Commands of the general help.
"$BUSALIAS" --help >"$TMP/help" 2>&1
for c in $(sed -n 's/^  \([a-z][a-z]*\) .*/\1/p' "$TMP/help"); do
	grep -qE "^\.(SS|B|BR|TP)? ?\"?$c\b|^\.B $c$|^\.SS \"$c" "$MAN1" && ok || fail "busalias(1) does not document the command $c"
done
# Configuration keys of busalias.conf(5) that the code knows.
for k in plugin_dir add_plugin_dir basedir kernel moduledir module_root alias_file sysfs_root lock_dir \
	lock_timeout modprobe prefix quiet; do
	grep -qE "^\.B $k$" "$MAN5" && ok || fail "busalias.conf(5) does not document $k"
done

# SEE ALSO: our own pages are built; the others exist on this system (when man can tell).
for page in "$MAN1" "$MAN5"; do
	sed -n '/^\.SH SEE ALSO/,/^\.SH/p' "$page" | sed -n 's/^\.BR \([a-z.]*\) (\([1-8]\)).*/\1 \2/p' >"$TMP/refs"
	[ -s "$TMP/refs" ] && ok || fail "${page##*/}: no SEE ALSO references"
	while read -r name sec; do
		case $name in
		busalias) [ -s "$MAN1" ] && ok || fail "SEE ALSO busalias(1): not built" ;;
		busalias.conf) [ -s "$MAN5" ] && ok || fail "SEE ALSO busalias.conf(5): not built" ;;
		libbusalias) [ -s "$CLI_SRCDIR/../../doc/libbusalias.3" ] && ok || fail "SEE ALSO libbusalias(3): not in doc/" ;;
		*)
			if command -v man >/dev/null 2>&1 && man -w depmod >/dev/null 2>&1; then
				man -w "$sec" "$name" >/dev/null 2>&1 && ok || fail "${page##*/}: SEE ALSO $name($sec): no such page here"
			fi ;;
		esac
	done <"$TMP/refs"
	# Files named there are installed guides.
	for f in $(sed -n '/^\.SH SEE ALSO/,$p' "$page" | grep -o '[a-z-]*\\-[a-z-]*\.md\|[a-z-]*\.md' | sed 's/\\-/-/g'); do
		[ -f "$CLI_SRCDIR/../../doc/$f" ] && ok || fail "${page##*/}: SEE ALSO names $f, not in doc/"
	done
done

finish
