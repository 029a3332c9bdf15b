// SPDX-License-Identifier: LGPL-2.1-or-later
/* MDIO / Ethernet PHYs: mdio_device_id tables. */
#include <busalias/plugin.h>

/* struct mdio_device_id { __u32 phy_id, phy_id_mask; } */
#define MDIO_ID(F, V, p)         \
	F(p, U32, phy_id)        \
	F(p, U32, phy_id_mask)
BA_STRUCT(mdio, MDIO_ID);

/* mdio: + 32 characters, bit 31 first: '?' where the mask bit is clear, else the id bit as '0'/'1'. */
static int format_mdio(struct ba_out *out, const struct ba_entry *e)
{
	uint32_t id = (uint32_t)e->v[mdio_phy_id].u, mask = (uint32_t)e->v[mdio_phy_id_mask].u;
	struct ba_alias a;

	ba_alias_init(&a, "mdio:");
	for (int bit = 31; bit >= 0; bit--)
		ba_alias_putc(&a, !(mask >> bit & 1) ? '?' : (id >> bit & 1) ? '1' : '0');
	return ba_alias_emit(out, &a) < 0 ? 0 : 1;
}

static const struct ba_table_type mdio_table = BA_TABLE(mdio, "mdio", "mdio_device_id", .format = format_mdio);
static const struct ba_table_type *const mdio_tables[] = { &mdio_table, NULL };

BUSALIAS_PLUGIN(.name = "mdio", .description = "MDIO (Ethernet PHY) device tables", .tables = mdio_tables);
