// SPDX-License-Identifier: LGPL-2.1-or-later
/* Intel ISH: ishtp_device_id tables (modpost knows them since 5.17; the reference brackets 5.16/5.17). */
#include <busalias/plugin.h>

#define ISHTP_ID(F, V, p)                  \
	F(p, BYTES, guid, .count = 16)     \
	F(p, ULONG, driver_data)
BA_STRUCT(ishtp, ISHTP_ID);

/*
 * "ishtp:{GUID}": guid_t printed upper-case as b3b2b1b0-b5b4-b7b6-b8b9-b10..b15; no wildcard.
 * Until 6.6 a modpost built on a host of the other byte order reversed all 16 bytes first
 * (TO_NATIVE on the guid); distributions build natively, so that is not reproduced.
 */
static int format_ishtp(struct ba_out *out, const struct ba_entry *e)
{
	static const unsigned char order[16] = { 3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15 };
	const uint8_t *g = e->v[ishtp_guid].raw;
	struct ba_alias a;

	ba_alias_init(&a, "ishtp:{");
	for (unsigned i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			ba_alias_putc(&a, '-');
		ba_alias_hex(&a, g[order[i]], 2, 0);
	}
	ba_alias_putc(&a, '}');
	return ba_alias_emit(out, &a) < 0 ? 0 : 1;
}

static const struct ba_table_type ishtp_table = BA_TABLE(ishtp, "ishtp", "ishtp_device_id",
	.since = BA_KVER(5, 17, 0), .format = format_ishtp);
static const struct ba_table_type *const ishtp_tables[] = { &ishtp_table, NULL };

BUSALIAS_PLUGIN(.name = "ishtp", .description = "Intel ISH transport client device tables", .tables = ishtp_tables);
