#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Every exported symbol of libbusalias (core/libbusalias.sym) is declared in the public header and
# named in the NAME section of a section-3 page; the pages render without warnings; the library
# exports exactly the symbol map's list; the commands written on the API include no core header.
set -u
[ -n "${SRCDIR:-}" ] || . ./tests/lib-api/env.sh || { echo "run through make check" >&2; exit 99; }
failures=0 checks=0
ok() { checks=$((checks + 1)); }
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

syms=$(sed -n 's/^\t\(ba_[a-z0-9_]*\);$/\1/p' "$SRCDIR/core/libbusalias.sym")
[ -n "$syms" ] || { echo "no symbols in core/libbusalias.sym" >&2; exit 99; }
names=$(for p in "$SRCDIR"/doc/*.3; do sed -n '/^\.SH NAME/,/^\.SH/p' "$p"; done | tr ', ' '\n\n')
for s in $syms; do
	grep -Eq "[ *]$s\(" "$SRCDIR/include/busalias/busalias.h" && ok || fail "$s: not declared in busalias/busalias.h"
	grep -qx "$s" <<<"$names" && ok || fail "$s: in no section-3 page's NAME"
done
exported=$(nm -D --defined-only "$LIBDIR/libbusalias.so.1" | awk '$2 == "T" {sub(/@.*/, "", $3); print $3}' | sort)
[ "$exported" = "$(sort <<<"$syms")" ] && ok ||
	fail "exported symbols differ from the map: $(diff <(echo "$exported") <(sort <<<"$syms") | grep '^[<>]' | head)"
# The program's commands on the public API include no header of the core: busalias/busalias.h, the
# program's cli.h, cmdline-ids.h (option ids), exit.h (exit statuses), output.h (output buffers),
# cmd-device-options.h (the device commands' options), cmd-status.h (status's views), system headers.
for f in core/cmd-gen.c core/cmd-match.c core/cmd-status.c core/cmd-status.h core/status-line.c core/cmd-plugins.c \
	core/cmd-bind.c core/cmd-restore.c core/cmd-overrides.c core/cmd-device-options.c core/cmd-device-options.h \
	core/cli.c core/cli.h core/main.c; do
	bad=$(grep -E '^#include "' "$SRCDIR/$f" | grep -vE '"(cli|cmdline-ids|exit|output|cmd-device-options|cmd-status)\.h"')
	[ -z "$bad" ] && ok || fail "$f includes a core header: $bad"
done
if command -v man >/dev/null 2>&1; then
	for p in "$SRCDIR"/doc/*.3; do
		warn=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$p" 2>&1 >/dev/null)
		[ -z "$warn" ] && ok || fail "${p##*/}: $warn"
	done
fi
echo "$checks checks passed, $failures failed"
[ "$failures" = 0 ]
