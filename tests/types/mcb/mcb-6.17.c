// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 6.17 module: the struct dates from 3.15, but modpost only aliases mcb tables from 6.18. */
#include "module.h"

struct mcb_device_id {
	__u16 device;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_mcb_617");
MODULE_VERMAGIC("6.17.0");

const struct mcb_device_id ids[] = {
	{ 0x11, 0 },
	{ 0 }
};
MODULE_DEVICE_TABLE_613(mcb, ids);
