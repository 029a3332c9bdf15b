// SPDX-License-Identifier: LGPL-2.1-or-later
/* MEN Chameleon Bus: mcb_device_id tables.  The struct dates from 3.15, but modpost only turns them into aliases from 6.18. */
#include <busalias/plugin.h>

#define MCB_ID(F, V, p)            \
	F(p, U16, device)          \
	F(p, ULONG, driver_data)
BA_STRUCT(mcb, MCB_ID);

/* mcb:16z%03d: the device number in decimal, at least 3 digits; no wildcard. */
static int format_mcb(struct ba_out *out, const struct ba_entry *e)
{
	struct ba_alias a;

	ba_alias_init(&a, "mcb:16z");
	ba_alias_addf(&a, "%03u", (unsigned)e->v[mcb_device].u);
	return ba_alias_emit(out, &a) < 0 ? 0 : 1;
}

static const struct ba_table_type mcb_table = BA_TABLE(mcb, "mcb", "mcb_device_id",
	.since = BA_KVER(6, 18, 0), .format = format_mcb);
static const struct ba_table_type *const mcb_tables[] = { &mcb_table, NULL };

BUSALIAS_PLUGIN(.name = "mcb", .description = "MEN Chameleon Bus device tables", .tables = mcb_tables);
