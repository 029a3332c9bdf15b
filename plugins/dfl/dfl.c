// SPDX-License-Identifier: LGPL-2.1-or-later
/* FPGA Device Feature List: dfl_device_id tables (modpost knows them since 5.12). */
#include <busalias/plugin.h>

#define DFL_ID(F, V, p)            \
	F(p, U16, type)            \
	F(p, U16, feature_id)      \
	F(p, ULONG, driver_data)
BA_STRUCT(dfl, DFL_ID);

/* dfl:t%04Xf%04X, both always printed, then '*'. */
static const struct ba_part dfl_parts[] = {
	BA_HEX("t", dfl_type, NEVER),
	BA_HEX("f", dfl_feature_id, NEVER),
};

static const struct ba_table_type dfl_table = BA_TABLE(dfl, "dfl", "dfl_device_id",
	.since = BA_KVER(5, 12, 0), BA_ALIAS("dfl:", BA_ALIAS_WILDCARD, dfl_parts));
static const struct ba_table_type *const dfl_tables[] = { &dfl_table, NULL };

BUSALIAS_PLUGIN(.name = "dfl", .description = "FPGA DFL device tables", .tables = dfl_tables);
