// SPDX-License-Identifier: LGPL-2.1-or-later
/* platform: platform_device_id tables and the platform bus. */
#include <busalias/plugin.h>

extern const struct ba_bus_ops platform_bus_ops;

#define PLATFORM_ID(F, V, p)                                                  \
	F(p, CHARS, name, .count = 20, .until = BA_KVER(6, 16, 0))            \
	V(p, CHARS, name, .count = 24, .since = BA_KVER(6, 16, 0)) /* PLATFORM_NAME_SIZE */ \
	F(p, ULONG, driver_data)
BA_STRUCT(platform, PLATFORM_ID);

static const struct ba_part platform_parts[] = { BA_STR("", platform_name) };

static const struct ba_table_type platform_table =
	BA_TABLE(platform, "platform", "platform_device_id", BA_ALIAS("platform:", 0, platform_parts));
static const struct ba_table_type *const platform_tables[] = { &platform_table, NULL };

BUSALIAS_PLUGIN(
	.name = "platform",
	.description = "platform device tables and platform bus binding",
	.tables = platform_tables,
	.bus = &platform_bus_ops);
