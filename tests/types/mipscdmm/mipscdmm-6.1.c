// SPDX-License-Identifier: LGPL-2.1-or-later
/* mips_cdmm_device_id (4.1+): one byte, always printed. */
#include "module.h"

struct mips_cdmm_device_id {
	__u8 type;
};
MODULE_NAME("types_mipscdmm");
MODULE_VERMAGIC("6.1.0-13-mips32r2");

const struct mips_cdmm_device_id ids[] = {
	{ 0x23 },
	{ 0x00 },
	{ 0xff },
	{ 0 }
};
MODULE_DEVICE_TABLE(mipscdmm, ids);
