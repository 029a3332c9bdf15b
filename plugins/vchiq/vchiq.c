// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * VCHIQ (Raspberry Pi VideoCore services): vchiq_device_id tables.  modpost knows them since 6.7
 * (the reference brackets 6.6.47 < x <= 6.8.1; "staging: vc04_services: Support module
 * autoloading using MODULE_DEVICE_TABLE" is in the staging-6.7-rc1 pull).
 */
#include <busalias/plugin.h>

/* name[32], nothing else.  A name filling all 32 bytes stops at the array's end here (the kernel's %s ran on). */
#define VCHIQ_ID(F, V, p) F(p, CHARS, name, .count = 32)
BA_STRUCT(vchiq, VCHIQ_ID);

static const struct ba_part vchiq_parts[] = { BA_STR("", vchiq_name) };

static const struct ba_table_type vchiq_table = BA_TABLE(vchiq, "vchiq", "vchiq_device_id",
	.since = BA_KVER(6, 7, 0), BA_ALIAS("vchiq:", 0, vchiq_parts));
static const struct ba_table_type *const vchiq_tables[] = { &vchiq_table, NULL };

BUSALIAS_PLUGIN(.name = "vchiq", .description = "VCHIQ device tables", .tables = vchiq_tables);
