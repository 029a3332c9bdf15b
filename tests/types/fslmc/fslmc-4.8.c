// SPDX-License-Identifier: LGPL-2.1-or-later
/* fsl_mc_device_id (18 bytes on every ABI): "fsl-mc:v%08Xd<obj_type>", vendor never '*'. */
#include "module.h"

struct fsl_mc_device_id {
	__u16 vendor;
	const char obj_type[16];
};
MODULE_NAME("types_fslmc");
MODULE_VERMAGIC("4.8.0");

const struct fsl_mc_device_id ids[] = {
	{ 0x1957, "dpni" },
	{ 0xffff, "dprc" },
	{ 0x1957, "" },
	{ 0x1957, "dpdmux-obj-01234" },   /* 16 bytes, no NUL: the terminator follows, so the kernel stopped there too */
	{ 0 }
};
MODULE_DEVICE_TABLE(fslmc, ids);
