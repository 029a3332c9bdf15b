// SPDX-License-Identifier: LGPL-2.1-or-later
/* PA-RISC: parisc_device_id tables, "parisc:t%02Xhv%04Xrev%02Xsv%08X*". */
#include <busalias/plugin.h>

/* Unchanged 3.0-7.3. */
#define PARISC_ID(F, V, p)          \
	F(p, U8, hw_type)           \
	F(p, U8, hversion_rev)      \
	F(p, U16, hversion)         \
	F(p, U32, sversion)
BA_STRUCT(parisc, PARISC_ID);

/* PA_HWTYPE_ANY_ID 0xff, PA_HVERSION_ANY_ID 0xffff, PA_HVERSION_REV_ANY_ID 0xff, PA_SVERSION_ANY_ID ~0 */
static const struct ba_part parisc_parts[] = {
	BA_HEX("t", parisc_hw_type, ONES),
	BA_HEX("hv", parisc_hversion, ONES),
	BA_HEX("rev", parisc_hversion_rev, ONES),
	BA_HEX("sv", parisc_sversion, ONES),
};

static const struct ba_table_type parisc_table =
	BA_TABLE(parisc, "parisc", "parisc_device_id", BA_ALIAS("parisc:", BA_ALIAS_WILDCARD, parisc_parts));
static const struct ba_table_type *const parisc_tables[] = { &parisc_table, NULL };

BUSALIAS_PLUGIN(
	.name = "parisc",
	.description = "PA-RISC device tables",
	.tables = parisc_tables);
