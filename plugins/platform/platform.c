// SPDX-License-Identifier: LGPL-2.1-or-later
/* platform: platform_device_id tables and the platform bus. */
#include <busalias/plugin.h>

extern const struct ba_bus_ops platform_bus_ops;

enum { NAME, DRIVER_DATA, N_SLOTS };

#define PLATFORM_NAME_SIZE 20

static const struct ba_field platform_id[] = {
	BA_CHARS(NAME, "name", PLATFORM_NAME_SIZE),
	BA_ULONG(DRIVER_DATA, "driver_data"),
};

static const struct ba_layout platform_layouts[] = {
	{ .since = 0, .n_fields = BA_COUNT(platform_id), .fields = platform_id },
};

static int format_platform(struct ba_out *out, const struct ba_entry *e)
{
	return ba_emitf(out, "platform:%s", e->v[NAME].str) < 0 ? -1 : 1;
}

static const struct ba_table_type platform_table = BA_TABLE_TYPE(
	.type = "platform",
	.struct_name = "platform_device_id",
	.n_slots = N_SLOTS,
	.n_layouts = BA_COUNT(platform_layouts),
	.layouts = platform_layouts,
	.format = format_platform);

static const struct ba_table_type *const platform_tables[] = { &platform_table, NULL };

BUSALIAS_PLUGIN(
	.name = "platform",
	.description = "platform device tables and platform bus binding",
	.tables = platform_tables,
	.bus = &platform_bus_ops);
