// SPDX-License-Identifier: LGPL-2.1-or-later
/* 7.2+: driver_data in a union with a pointer; the 6.18+ static symbol with the module name. */
#include "module.h"

struct ieee1394_device_id {
	__u32 match_flags, vendor_id, model_id, specifier_id, version;
	union {
		kernel_ulong_t driver_data;
		const void *driver_data_ptr;
	};
};
MODULE_NAME("types_ieee1394_73");
MODULE_VERMAGIC("7.3.0-1-amd64");

const struct ieee1394_device_id ids[] = {
	{ 0x6, 0, 0xabcdef, 0x5e, 0, { 9 } },
	{ 0 }
};
MODULE_DEVICE_TABLE_618(types_ieee1394_73, ieee1394, ids);
