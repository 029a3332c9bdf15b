// SPDX-License-Identifier: LGPL-2.1-or-later
/* USB Type-C alternate modes: typec_device_id tables (modpost knows them since 4.19). */
#include <busalias/plugin.h>

#define TYPEC_ANY_MODE 0x7

#define TYPEC_ID(F, V, p)          \
	F(p, U16, svid)            \
	F(p, U8, mode)             \
	F(p, ULONG, driver_data)
BA_STRUCT(typec, TYPEC_ID);

/* typec:id%04X, and until 6.14 m%02X or m* (mode 7 = any); no wildcard.  The struct kept mode. */
static const struct ba_part typec_parts[] = {
	BA_HEX("id", typec_svid, NEVER),
	BA_HEX("m", typec_mode, VALUE, .value = TYPEC_ANY_MODE, .until = BA_KVER(6, 14, 0)),
};

static const struct ba_table_type typec_table = BA_TABLE(typec, "typec", "typec_device_id",
	.since = BA_KVER(4, 19, 0), BA_ALIAS("typec:", 0, typec_parts));
static const struct ba_table_type *const typec_tables[] = { &typec_table, NULL };

BUSALIAS_PLUGIN(.name = "typec", .description = "USB Type-C alternate mode device tables", .tables = typec_tables);
