// SPDX-License-Identifier: LGPL-2.1-or-later
/* coreboot_device_id (tag, driver_data): "coreboot:t%08X", 0 printed too. */
#include "module.h"

struct coreboot_device_id {
	__u32 tag;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_coreboot");
MODULE_VERMAGIC("6.9.0");

const struct coreboot_device_id ids[] = {
	{ 0x25, 0 },         /* CB_TAG_FRAMEBUFFER */
	{ 0xdeadbeef, 1 },
	{ 0xffffffff, 2 },
	{ 0 }
};
MODULE_DEVICE_TABLE(coreboot, ids);
