// SPDX-License-Identifier: LGPL-2.1-or-later
/* ipack_device_id (unchanged 3.7-7.3): IPACK_ANY_FORMAT (0xff, 3.9+) and IPACK_ANY_ID. */
#include "module.h"

struct ipack_device_id {
	__u8 format;
	__u32 vendor, device;
};
MODULE_NAME("types_ipack");
MODULE_VERMAGIC("6.1.0-13-amd64");

const struct ipack_device_id ids[] = {
	{ 0x01, 0xf0, 0x48 },
	{ 0xff, ~0u, ~0u },
	{ 0x02, ~0u, 0x00000005 },
	{ 0xff, 0x00000001, ~0u },
	{ 0 }
};
MODULE_DEVICE_TABLE(ipack, ids);
