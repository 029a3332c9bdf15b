// SPDX-License-Identifier: LGPL-2.1-or-later
/* ieee1394_device_id (unchanged 3.0-7.1): each match_flags bit, none, all. */
#include "module.h"

struct ieee1394_device_id {
	__u32 match_flags, vendor_id, model_id, specifier_id, version;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_ieee1394");
MODULE_VERMAGIC("6.1.0-13-amd64");

const struct ieee1394_device_id ids[] = {
	{ 0xf, 0x00a02d, 0x000001, 0x00a02d, 0x010001, 1 },
	{ 0xc, 0x123456, 0x654321, 0x00609e, 0x010483, 2 },
	{ 0x1, 0xffffffff, 7, 7, 7, 3 },
	{ 0x2, 0, 0x0a, 0, 0, 4 },
	{ 0x0, 0x11, 0x22, 0x33, 0x44, ~0ul },
	{ 0 }
};
MODULE_DEVICE_TABLE(ieee1394, ids);
