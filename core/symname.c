// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The kernel has spelt MODULE_DEVICE_TABLE()'s symbol three ways:
 *   __mod_<type>__<id>_device_table                     up to 6.12
 *   __mod_device_table__<type>__<id>                    6.13 - 6.17
 *   __mod_device_table__kmod_<modname>__<type>__<id>    6.18 on (local symbols)
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
	return split_type_id(sym + sizeof(OLD_PREFIX) - 1,
			     len - (sizeof(OLD_PREFIX) - 1) - (sizeof(OLD_SUFFIX) - 1), out);
}
