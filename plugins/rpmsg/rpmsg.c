// SPDX-License-Identifier: LGPL-2.1-or-later
/* rpmsg: rpmsg_device_id tables (modpost knows them since 4.18). */
#include <busalias/plugin.h>

/*
 * RPMSG_NAME_SIZE 32; driver_data came with the rpmsg WWAN control driver in 5.14 (the reference
 * brackets it 5.13/5.14; 5.14 merged that series).  A name filling all 32 bytes stops at the
 * array's end here; the kernel's %s ran on into the next bytes.
 */
#define RPMSG_ID(F, V, p)                  \
	F(p, CHARS, name, .count = 32)     \
	F(p, ULONG, driver_data, .since = BA_KVER(5, 14, 0))
BA_STRUCT(rpmsg, RPMSG_ID);

static const struct ba_part rpmsg_parts[] = { BA_STR("", rpmsg_name) };

static const struct ba_table_type rpmsg_table = BA_TABLE(rpmsg, "rpmsg", "rpmsg_device_id",
	.since = BA_KVER(4, 18, 0), BA_ALIAS("rpmsg:", 0, rpmsg_parts));
static const struct ba_table_type *const rpmsg_tables[] = { &rpmsg_table, NULL };

BUSALIAS_PLUGIN(.name = "rpmsg", .description = "remote processor messaging device tables", .tables = rpmsg_tables);
