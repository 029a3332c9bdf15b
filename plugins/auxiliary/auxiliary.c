// SPDX-License-Identifier: LGPL-2.1-or-later
/* auxiliary bus: auxiliary_device_id tables (modpost knows them since 5.11). */
#include <busalias/plugin.h>

/* AUXILIARY_NAME_SIZE 32, 40 from 6.19.  A name filling the array stops at its end here (the kernel's %s ran on). */
#define AUXILIARY_ID(F, V, p)                                          \
	F(p, CHARS, name, .count = 32, .until = BA_KVER(6, 19, 0))     \
	V(p, CHARS, name, .count = 40, .since = BA_KVER(6, 19, 0))     \
	F(p, ULONG, driver_data)
BA_STRUCT(auxiliary, AUXILIARY_ID);

static const struct ba_part auxiliary_parts[] = { BA_STR("", auxiliary_name) };

static const struct ba_table_type auxiliary_table = BA_TABLE(auxiliary, "auxiliary", "auxiliary_device_id",
	.since = BA_KVER(5, 11, 0), BA_ALIAS("auxiliary:", 0, auxiliary_parts));
static const struct ba_table_type *const auxiliary_tables[] = { &auxiliary_table, NULL };

BUSALIAS_PLUGIN(.name = "auxiliary", .description = "auxiliary bus device tables", .tables = auxiliary_tables);
