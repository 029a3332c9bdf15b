// SPDX-License-Identifier: LGPL-2.1-or-later
/* sdio_device_id (unchanged 3.0-7.3): SDIO_ANY_ID (~0) as each member's all-ones. */
#include "module.h"

struct sdio_device_id {
	__u8 class;
	__u16 vendor, device;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_sdio");
MODULE_VERMAGIC("6.1.0-13-arm64");

const struct sdio_device_id ids[] = {
	{ (__u8)~0, 0x02d0, 0x4329, 1 },
	{ 0x07, (__u16)~0, (__u16)~0, 2 },
	{ 0x00, 0x0000, 0x0001, 3 },
	{ 0x02, 0x0271, 0x0301, ~0ul },
	{ 0 }
};
MODULE_DEVICE_TABLE(sdio, ids);
