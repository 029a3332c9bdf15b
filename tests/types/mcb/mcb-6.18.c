// SPDX-License-Identifier: LGPL-2.1-or-later
/* mcb_device_id (device, driver_data), aliased from 6.18: "mcb:16z%03d", decimal. */
#include "module.h"

struct mcb_device_id {
	__u16 device;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_mcb");
MODULE_VERMAGIC("6.18.0");

const struct mcb_device_id ids[] = {
	{ 0x11, 0 },      /* 16z017 */
	{ 125, 1 },
	{ 1234, 2 },
	{ 0xffff, 3 },
	{ 0 }
};
MODULE_DEVICE_TABLE_618(types_mcb, mcb, ids);
