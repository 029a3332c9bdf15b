// SPDX-License-Identifier: LGPL-2.1-or-later
/* MIPS Common Device Memory Map: mips_cdmm_device_id tables, "mipscdmm:t%02X*" (modpost 4.1+). */
#include <busalias/plugin.h>

#define MIPSCDMM_ID(F, V, p) F(p, U8, type)
BA_STRUCT(mipscdmm, MIPSCDMM_ID);

static const struct ba_part mipscdmm_parts[] = {
	BA_HEX("t", mipscdmm_type, NEVER),
	BA_LIT("*"),
};

static const struct ba_table_type mipscdmm_table = BA_TABLE(mipscdmm, "mipscdmm", "mips_cdmm_device_id",
	.since = BA_KVER(4, 1, 0), BA_ALIAS("mipscdmm:", 0, mipscdmm_parts));
static const struct ba_table_type *const mipscdmm_tables[] = { &mipscdmm_table, NULL };

BUSALIAS_PLUGIN(
	.name = "mipscdmm",
	.description = "MIPS CDMM device tables",
	.tables = mipscdmm_tables);
