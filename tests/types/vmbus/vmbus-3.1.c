// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 3.1 module: modpost learned vmbus tables in 3.2, so no aliases. */
#include "module.h"

struct hv_vmbus_device_id {
	__u8 guid[16];
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_vmbus_31");
MODULE_VERMAGIC("3.1.0");

const struct hv_vmbus_device_id ids[] = {
	{ { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 }, 0 },
	{ { 0 } }
};
MODULE_DEVICE_TABLE_OLD(vmbus, ids);
