// SPDX-License-Identifier: LGPL-2.1-or-later
/* zorro_device_id (3.0-7.1): an id and ZORRO_WILDCARD; no trailing wildcard. */
#include "module.h"

struct zorro_device_id {
	__u32 id;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_zorro");
MODULE_VERMAGIC("6.1.0-13-m68k");

const struct zorro_device_id ids[] = {
	{ 0x08470000, 1 },
	{ 0xffffffff, 2 },
	{ 0x00000000, 3 },
	{ 0 }
};
MODULE_DEVICE_TABLE(zorro, ids);
