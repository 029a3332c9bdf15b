// SPDX-License-Identifier: LGPL-2.1-or-later
/* MHI: mhi_device_id tables of the host side (mhi, modpost since 5.7) and the endpoint side (mhi_ep, 5.19). */
#include <busalias/plugin.h>

/* MHI_NAME_SIZE 32.  A chan filling all 32 bytes stops at the array's end here (the kernel's %s ran on). */
#define MHI_ID(F, V, p)                    \
	F(p, CHARS, chan, .count = 32)     \
	F(p, ULONG, driver_data)
BA_STRUCT(mhi, MHI_ID);

static const struct ba_part mhi_parts[] = { BA_STR("", mhi_chan) };

static const struct ba_table_type mhi_table = BA_TABLE(mhi, "mhi", "mhi_device_id",
	.since = BA_KVER(5, 7, 0), BA_ALIAS("mhi:", 0, mhi_parts));
static const struct ba_table_type mhi_ep_table = BA_TABLE(mhi, "mhi_ep", "mhi_device_id",
	.since = BA_KVER(5, 19, 0), BA_ALIAS("mhi_ep:", 0, mhi_parts));
static const struct ba_table_type *const mhi_tables[] = { &mhi_table, &mhi_ep_table, NULL };

BUSALIAS_PLUGIN(.name = "mhi", .description = "MHI host and endpoint device tables", .tables = mhi_tables);
