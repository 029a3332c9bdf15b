// SPDX-License-Identifier: LGPL-2.1-or-later
/* Amiga Zorro: zorro_device_id tables, "zorro:i%08X" or "zorro:i*", no trailing wildcard. */
#include <busalias/plugin.h>

/* Unchanged 3.0-7.3 (7.2 put driver_data in a union with a pointer of the same size). */
#define ZORRO_ID(F, V, p)  \
	F(p, U32, id)      \
	F(p, ULONG, driver_data)
BA_STRUCT(zorro, ZORRO_ID);

/* ZORRO_WILDCARD 0xffffffff */
static const struct ba_part zorro_parts[] = { BA_HEX("i", zorro_id, ONES) };

static const struct ba_table_type zorro_table =
	BA_TABLE(zorro, "zorro", "zorro_device_id", BA_ALIAS("zorro:", 0, zorro_parts));
static const struct ba_table_type *const zorro_tables[] = { &zorro_table, NULL };

BUSALIAS_PLUGIN(
	.name = "zorro",
	.description = "Amiga Zorro device tables",
	.tables = zorro_tables);
