// SPDX-License-Identifier: LGPL-2.1-or-later
/* Surface System Aggregator Module: ssam_device_id tables (modpost knows them since 5.12). */
#include <busalias/plugin.h>

#define SSAM_MATCH_TARGET 0x1   /* SSAM_MATCH_CHANNEL in 5.12 */
#define SSAM_MATCH_INSTANCE 0x2
#define SSAM_MATCH_FUNCTION 0x4

#define SSAM_ID(F, V, p)           \
	F(p, U8, match_flags)      \
	F(p, U8, domain)           \
	F(p, U8, category)         \
	F(p, U8, target)           \
	F(p, U8, instance)         \
	F(p, U8, function)         \
	F(p, ULONG, driver_data)
BA_STRUCT(ssam, SSAM_ID);

/* ssam:d%02Xc%02X, then t, i, f each only if its match flag is set, else '*'; no wildcard. */
static const struct ba_part ssam_parts[] = {
	BA_HEX("d", ssam_domain, NEVER),
	BA_HEX("c", ssam_category, NEVER),
	BA_HEX_IF("t", ssam_target, ssam_match_flags, SSAM_MATCH_TARGET),
	BA_HEX_IF("i", ssam_instance, ssam_match_flags, SSAM_MATCH_INSTANCE),
	BA_HEX_IF("f", ssam_function, ssam_match_flags, SSAM_MATCH_FUNCTION),
};

static const struct ba_table_type ssam_table = BA_TABLE(ssam, "ssam", "ssam_device_id",
	.since = BA_KVER(5, 12, 0), BA_ALIAS("ssam:", 0, ssam_parts));
static const struct ba_table_type *const ssam_tables[] = { &ssam_table, NULL };

BUSALIAS_PLUGIN(.name = "ssam", .description = "Surface System Aggregator Module device tables", .tables = ssam_tables);
