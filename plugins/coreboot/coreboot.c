// SPDX-License-Identifier: LGPL-2.1-or-later
/* coreboot: coreboot_device_id tables (modpost knows them since 6.9). */
#include <busalias/plugin.h>

#define COREBOOT_ID(F, V, p)       \
	F(p, U32, tag)             \
	F(p, ULONG, driver_data)
BA_STRUCT(coreboot, COREBOOT_ID);

static const struct ba_part coreboot_parts[] = { BA_HEX("t", coreboot_tag, NEVER) }; /* t%08X */

static const struct ba_table_type coreboot_table = BA_TABLE(coreboot, "coreboot", "coreboot_device_id",
	.since = BA_KVER(6, 9, 0), BA_ALIAS("coreboot:", 0, coreboot_parts));
static const struct ba_table_type *const coreboot_tables[] = { &coreboot_table, NULL };

BUSALIAS_PLUGIN(.name = "coreboot", .description = "coreboot table device tables", .tables = coreboot_tables);
