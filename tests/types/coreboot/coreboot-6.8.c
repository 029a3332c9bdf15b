// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 6.8 module: modpost learned coreboot tables in 6.9, so no aliases. */
#include "module.h"

struct coreboot_device_id {
	__u32 tag;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_coreboot_68");
MODULE_VERMAGIC("6.8.0");

const struct coreboot_device_id ids[] = {
	{ 0x25, 0 },
	{ 0 }
};
MODULE_DEVICE_TABLE(coreboot, ids);
