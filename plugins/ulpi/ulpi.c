// SPDX-License-Identifier: LGPL-2.1-or-later
/* ULPI (USB PHY) bus: ulpi_device_id tables, known to modpost since 4.2. */
#include <busalias/plugin.h>

/* struct ulpi_device_id { __u16 vendor, product; kernel_ulong_t driver_data; } */
#define ULPI_ID(F, V, p)          \
	F(p, U16, vendor)         \
	F(p, U16, product)        \
	F(p, ULONG, driver_data)
BA_STRUCT(ulpi, ULPI_ID);

/* ulpi:vNNNNpNNNN in lower-case hex, no "any" value, no wildcard. */
static const struct ba_part ulpi_parts[] = {
	BA_HEX("v", ulpi_vendor, NEVER, .lower = 1),
	BA_HEX("p", ulpi_product, NEVER, .lower = 1),
};
static const struct ba_table_type ulpi_table = BA_TABLE(ulpi, "ulpi", "ulpi_device_id", .since = BA_KVER(4, 2, 0),
	BA_ALIAS("ulpi:", 0, ulpi_parts));
static const struct ba_table_type *const ulpi_tables[] = { &ulpi_table, NULL };

BUSALIAS_PLUGIN(.name = "ulpi", .description = "ULPI (USB PHY) device tables", .tables = ulpi_tables);
