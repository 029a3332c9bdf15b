// SPDX-License-Identifier: LGPL-2.1-or-later
/* Before 3.7 modpost knew no ipack tables: no aliases. */
#include "module.h"

struct ipack_device_id {
	__u8 format;
	__u32 vendor, device;
};
MODULE_NAME("types_ipack_3");
MODULE_VERMAGIC("3.2.0-4-amd64");

const struct ipack_device_id ids[] = {
	{ 0x01, 0xf0, 0x48 },
	{ 0 }
};
MODULE_DEVICE_TABLE_OLD(ipack, ids);
