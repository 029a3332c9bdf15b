// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 3.2 module: the symbol of 3.14 and before. */
#include "module.h"

struct sdio_device_id {
	__u8 class;
	__u16 vendor, device;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_sdio_3");
MODULE_VERMAGIC("3.2.0-4-armel");

const struct sdio_device_id ids[] = {
	{ (__u8)~0, 0x0296, 0x5347, 1 },
	{ 0 }
};
MODULE_DEVICE_TABLE_OLD(sdio, ids);
