// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The kernel has spelt MODULE_DEVICE_TABLE()'s symbol these ways:
 *   __mod_<type>_device_table                           up to 3.14 (one table per type)
 *   __mod_<type>__<id>_device_table                     3.15 - 6.12
 *   __mod_device_table__<type>__<id>                    6.13 - 6.17
 *   __mod_device_table__kmod_<modname>__<type>__<id>    6.18 on (local symbols)
 *   __mod_device_table__<line>__kmod_<path>__<type>__<id>   6.18 on, Rust
 */
#include <string.h>

#include "busalias.h"

#define OLD_PREFIX "__mod_"
#define OLD_SUFFIX "_device_table"
#define NEW_PREFIX "__mod_device_table__"
#define KMOD_PREFIX "kmod_"

static bool split_type_id(const char *s, size_t len, struct table_symbol *out)
{
	const char *sep = memmem(s, len, "__", 2);

	if (!sep || sep == s || (size_t)(sep - s) + 2 >= len)
		return false;
	out->type = s;
	out->type_len = (size_t)(sep - s);
	out->id = sep + 2;
	out->id_len = len - out->type_len - 2;
	return true;
}

bool table_symbol_parse(const char *sym, struct table_symbol *out)
{
	size_t len;

	if (strncmp(sym, OLD_PREFIX, sizeof(OLD_PREFIX) - 1) != 0)
		return false;
	len = strlen(sym);

	if (strncmp(sym, NEW_PREFIX, sizeof(NEW_PREFIX) - 1) == 0) {
		const char *s = sym + sizeof(NEW_PREFIX) - 1;
		size_t digits = strspn(s, "0123456789");

		/* Rust's tables put their source line first. */
		if (digits && s[digits] == '_' && s[digits + 1] == '_' &&
		    strncmp(s + digits + 2, KMOD_PREFIX, sizeof(KMOD_PREFIX) - 1) == 0)
			s += digits + 2;
		if (strncmp(s, KMOD_PREFIX, sizeof(KMOD_PREFIX) - 1) == 0) {
			const char *sep = strstr(s + sizeof(KMOD_PREFIX) - 1, "__");
			if (!sep || sep == s + sizeof(KMOD_PREFIX) - 1)
				return false;
			s = sep + 2;
		}
		return split_type_id(s, len - (size_t)(s - sym), out);
	}

	if (len < sizeof(OLD_PREFIX) - 1 + sizeof(OLD_SUFFIX) - 1 ||
	    strcmp(sym + len - (sizeof(OLD_SUFFIX) - 1), OLD_SUFFIX) != 0)
		return false;
	const char *mid = sym + sizeof(OLD_PREFIX) - 1;
	size_t mid_len = len - (sizeof(OLD_PREFIX) - 1) - (sizeof(OLD_SUFFIX) - 1);

	if (mid_len == 0)
		return false;
	if (memmem(mid, mid_len, "__", 2))
		return split_type_id(mid, mid_len, out);
	/* Up to 3.14: no table name, the type is all there is. */
	out->type = mid;
	out->type_len = mid_len;
	out->id = mid + mid_len;
	out->id_len = 0;
	return true;
}
