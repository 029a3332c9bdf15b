// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 4.7 module: modpost learned fslmc tables in 4.8, so no aliases. */
#include "module.h"

struct fsl_mc_device_id {
	__u16 vendor;
	const char obj_type[16];
};
MODULE_NAME("types_fslmc_47");
MODULE_VERMAGIC("4.7.0");

const struct fsl_mc_device_id ids[] = {
	{ 0x1957, "dpni" },
	{ 0 }
};
MODULE_DEVICE_TABLE(fslmc, ids);
