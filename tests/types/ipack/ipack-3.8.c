// SPDX-License-Identifier: LGPL-2.1-or-later
/* 3.7/3.8: modpost compared the __u8 format with IPACK_ANY_ID (-1): 0xff printed as "fFF". */
#include "module.h"

struct ipack_device_id {
	__u8 format;
	__u32 vendor, device;
};
MODULE_NAME("types_ipack_38");
MODULE_VERMAGIC("3.8.13-1-amd64");

const struct ipack_device_id ids[] = {
	{ 0xff, ~0u, ~0u },
	{ 0x01, 0xf0, 0x01 },
	{ 0 }
};
MODULE_DEVICE_TABLE_OLD(ipack, ids);
