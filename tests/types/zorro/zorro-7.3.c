// SPDX-License-Identifier: LGPL-2.1-or-later
/* 7.2+: driver_data in a union with a pointer. */
#include "module.h"

struct zorro_device_id {
	__u32 id;
	union {
		kernel_ulong_t driver_data;
		const void *driver_data_ptr;
	};
};
MODULE_NAME("types_zorro_73");
MODULE_VERMAGIC("7.3.0-1-m68k");

const struct zorro_device_id ids[] = {
	{ 0x0c000000, { 5 } },
	{ 0 }
};
MODULE_DEVICE_TABLE_618(types_zorro_73, zorro, ids);
