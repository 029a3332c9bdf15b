// SPDX-License-Identifier: LGPL-2.1-or-later
/* Broadcom's on-chip buses: ssb and bcma device tables. */
#include <busalias/plugin.h>

/* ssb_device_id, packed, aligned(2): 6 bytes everywhere; 3.11 named the tail padding byte __pad. */
#define SSB_ID(F, V, p)                                  \
	F(p, U16, vendor)                                \
	F(p, U16, coreid)                                \
	F(p, U8, revision)                               \
	F(p, U8, __pad, .since = BA_KVER(3, 11, 0))
BA_STRUCT(ssb, SSB_ID);

/* SSB_ANY_VENDOR 0xffff, SSB_ANY_ID 0xffff, SSB_ANY_REV 0xff */
static const struct ba_part ssb_parts[] = {
	BA_HEX("v", ssb_vendor, ONES),
	BA_HEX("id", ssb_coreid, ONES),
	BA_HEX("rev", ssb_revision, ONES),
};

/* bcma_device_id, packed, aligned(2), unchanged 3.0-7.3. */
#define BCMA_ID(F, V, p)     \
	F(p, U16, manuf)     \
	F(p, U16, id)        \
	F(p, U8, rev)        \
	F(p, U8, class)
BA_STRUCT(bcma, BCMA_ID);

/* BCMA_ANY_MANUF 0xffff, BCMA_ANY_ID 0xffff, BCMA_ANY_REV 0xff, BCMA_ANY_CLASS 0xff */
static const struct ba_part bcma_parts[] = {
	BA_HEX("m", bcma_manuf, ONES),
	BA_HEX("id", bcma_id, ONES),
	BA_HEX("rev", bcma_rev, ONES),
	BA_HEX("cl", bcma_class, ONES),
};

static const struct ba_table_type ssb_table =
	BA_TABLE(ssb, "ssb", "ssb_device_id", BA_ALIAS("ssb:", BA_ALIAS_WILDCARD, ssb_parts));
static const struct ba_table_type bcma_table =
	BA_TABLE(bcma, "bcma", "bcma_device_id", BA_ALIAS("bcma:", BA_ALIAS_WILDCARD, bcma_parts));
static const struct ba_table_type *const broadcom_tables[] = { &ssb_table, &bcma_table, NULL };

BUSALIAS_PLUGIN(
	.name = "broadcom",
	.description = "Broadcom Silicon Backplane (ssb) and AMBA (bcma) device tables",
	.tables = broadcom_tables);
