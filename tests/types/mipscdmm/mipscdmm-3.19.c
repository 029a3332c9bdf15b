// SPDX-License-Identifier: LGPL-2.1-or-later
/* Before 4.1 modpost knew no mipscdmm tables: no aliases. */
#include "module.h"

struct mips_cdmm_device_id {
	__u8 type;
};
MODULE_NAME("types_mipscdmm_319");
MODULE_VERMAGIC("3.19.0-1-mips");

const struct mips_cdmm_device_id ids[] = {
	{ 0x42 },
	{ 0 }
};
MODULE_DEVICE_TABLE(mipscdmm, ids);
