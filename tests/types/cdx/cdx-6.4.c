// SPDX-License-Identifier: LGPL-2.1-or-later
/* cdx_device_id of 6.4-6.6 (vendor, device, override_only); 6.4 printed "cdx:v%08Xd%08Xd" (sic), override_only ignored. */
#include "module.h"

struct cdx_device_id {
	__u16 vendor;
	__u16 device;
	__u32 override_only;
};
MODULE_NAME("types_cdx_64");
MODULE_VERMAGIC("6.4.0");

const struct cdx_device_id ids[] = {
	{ 0x10ee, 0x8084, 0 },
	{ 0xffff, 0xffff, 1 },
	{ 0 }
};
MODULE_DEVICE_TABLE(cdx, ids);
