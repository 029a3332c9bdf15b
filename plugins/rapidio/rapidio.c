// SPDX-License-Identifier: LGPL-2.1-or-later
/* RapidIO: rio_device_id tables (modpost knows them since 3.11). */
#include <busalias/plugin.h>

#define RIO_ID(F, V, p)            \
	F(p, U16, did)             \
	F(p, U16, vid)             \
	F(p, U16, asm_did)         \
	F(p, U16, asm_vid)
BA_STRUCT(rio, RIO_ID);

/* rapidio:v%04Xd%04Xav%04Xad%04X (vendor before device), each '*' for RIO_ANY_ID 0xffff; then '*'. */
static const struct ba_part rio_parts[] = {
	BA_HEX("v", rio_vid, ONES),
	BA_HEX("d", rio_did, ONES),
	BA_HEX("av", rio_asm_vid, ONES),
	BA_HEX("ad", rio_asm_did, ONES),
};

static const struct ba_table_type rio_table = BA_TABLE(rio, "rapidio", "rio_device_id",
	.since = BA_KVER(3, 11, 0), BA_ALIAS("rapidio:", BA_ALIAS_WILDCARD, rio_parts));
static const struct ba_table_type *const rio_tables[] = { &rio_table, NULL };

BUSALIAS_PLUGIN(.name = "rapidio", .description = "RapidIO device tables", .tables = rio_tables);
