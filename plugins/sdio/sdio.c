// SPDX-License-Identifier: LGPL-2.1-or-later
/* SDIO: sdio_device_id tables, "sdio:c%02Xv%04Xd%04X*". */
#include <busalias/plugin.h>

/* Unchanged 3.0-7.3. */
#define SDIO_ID(F, V, p)         \
	F(p, U8, class)          \
	F(p, U16, vendor)        \
	F(p, U16, device)        \
	F(p, ULONG, driver_data)
BA_STRUCT(sdio, SDIO_ID);

/* SDIO_ANY_ID is ~0, compared as (__u8)/(__u16): all ones of each member */
static const struct ba_part sdio_parts[] = {
	BA_HEX("c", sdio_class, ONES),
	BA_HEX("v", sdio_vendor, ONES),
	BA_HEX("d", sdio_device, ONES),
};

static const struct ba_table_type sdio_table =
	BA_TABLE(sdio, "sdio", "sdio_device_id", BA_ALIAS("sdio:", BA_ALIAS_WILDCARD, sdio_parts));
static const struct ba_table_type *const sdio_tables[] = { &sdio_table, NULL };

BUSALIAS_PLUGIN(
	.name = "sdio",
	.description = "SDIO device tables",
	.tables = sdio_tables);
