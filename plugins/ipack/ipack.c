// SPDX-License-Identifier: LGPL-2.1-or-later
/* IndustryPack: ipack_device_id tables, "ipack:f%02Xv%08Xd%08X*" (modpost 3.7+). */
#include <busalias/plugin.h>

/* Unchanged 3.7-7.3. */
#define IPACK_ID(F, V, p)    \
	F(p, U8, format)     \
	F(p, U32, vendor)    \
	F(p, U32, device)
BA_STRUCT(ipack, IPACK_ID);

/*
 * IPACK_ANY_ID ~0 for vendor and device; the format is "any" when 0xff (IPACK_ANY_FORMAT) from 3.9 on.
 * The modpost of 3.7 and 3.8 compared the __u8 format with IPACK_ANY_ID, the int -1, which never
 * matches: it always printed the format, 0xff as "fFF".  Kernels after 3.8, and modules without a
 * vermagic, get the later rule.
 */
static int format_ipack(struct ba_out *out, const struct ba_entry *e)
{
	const struct ba_value *v = e->v;
	int old = e->kver && e->kver < BA_KVER(3, 9, 0);
	struct ba_alias a;

	ba_alias_init(&a, "ipack:");
	ba_alias_add_hex(&a, "f", old || v[ipack_format].u != 0xff, v[ipack_format].u, 2);
	ba_alias_add_hex(&a, "v", v[ipack_vendor].u != 0xffffffff, v[ipack_vendor].u, 8);
	ba_alias_add_hex(&a, "d", v[ipack_device].u != 0xffffffff, v[ipack_device].u, 8);
	ba_alias_wildcard(&a);
	return ba_alias_emit(out, &a) < 0 ? 0 : 1;
}

static const struct ba_table_type ipack_table =
	BA_TABLE(ipack, "ipack", "ipack_device_id", .since = BA_KVER(3, 7, 0), .format = format_ipack);
static const struct ba_table_type *const ipack_tables[] = { &ipack_table, NULL };

BUSALIAS_PLUGIN(
	.name = "ipack",
	.description = "IndustryPack device tables",
	.tables = ipack_tables);
