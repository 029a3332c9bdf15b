// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 3.2 module: the symbol of 3.14 and before. */
#include "module.h"

struct zorro_device_id {
	__u32 id;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_zorro_3");
MODULE_VERMAGIC("3.2.0-4-amiga");

const struct zorro_device_id ids[] = {
	{ 0x02160000, 1 },
	{ 0 }
};
MODULE_DEVICE_TABLE_OLD(zorro, ids);
