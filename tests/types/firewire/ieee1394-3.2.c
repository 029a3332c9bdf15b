// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 3.2 module: the symbol of 3.14 and before. */
#include "module.h"

struct ieee1394_device_id {
	__u32 match_flags, vendor_id, model_id, specifier_id, version;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_ieee1394_3");
MODULE_VERMAGIC("3.2.0-4-amd64");

const struct ieee1394_device_id ids[] = {
	{ 0x9, 0x0001f2, 0, 0, 0x000001, 0x55 },
	{ 0 }
};
MODULE_DEVICE_TABLE_OLD(ieee1394, ids);
