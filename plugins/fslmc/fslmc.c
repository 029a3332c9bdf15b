// SPDX-License-Identifier: LGPL-2.1-or-later
/* NXP Management Complex: fsl_mc_device_id tables (modpost knows them since 4.8). */
#include <busalias/plugin.h>

/* A __u16 vendor, then obj_type[16] at offset 2 (18 bytes on every ABI). */
#define FSLMC_ID(F, V, p)                  \
	F(p, U16, vendor)                  \
	F(p, CHARS, obj_type, .count = 16)
BA_STRUCT(fslmc, FSLMC_ID);

/*
 * fsl-mc:v%08Xd<obj_type>: the 16-bit vendor printed in 8 digits, never '*'; no wildcard.  An
 * obj_type filling all 16 bytes stops at the array's end here (the kernel's %s ran on).
 */
static const struct ba_part fslmc_parts[] = {
	BA_HEX("v", fslmc_vendor, NEVER, .width = 8),
	BA_STR("d", fslmc_obj_type),
};

static const struct ba_table_type fslmc_table = BA_TABLE(fslmc, "fslmc", "fsl_mc_device_id",
	.since = BA_KVER(4, 8, 0), BA_ALIAS("fsl-mc:", 0, fslmc_parts));
static const struct ba_table_type *const fslmc_tables[] = { &fslmc_table, NULL };

BUSALIAS_PLUGIN(.name = "fslmc", .description = "NXP fsl-mc device tables", .tables = fslmc_tables);
