// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 6.3 module: modpost learned cdx tables in 6.4, so no aliases. */
#include "module.h"

struct cdx_device_id {
	__u16 vendor;
	__u16 device;
	__u32 override_only;
};
MODULE_NAME("types_cdx_63");
MODULE_VERMAGIC("6.3.0");

const struct cdx_device_id ids[] = {
	{ 0x10ee, 0x8084, 0 },
	{ 0 }
};
MODULE_DEVICE_TABLE(cdx, ids);
