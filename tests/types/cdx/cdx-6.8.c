// SPDX-License-Identifier: LGPL-2.1-or-later
/* cdx_device_id of 6.7+ (subvendor, subdevice, class, class_mask before override_only): + sv, sd, c. */
#include "module.h"

struct cdx_device_id {
	__u16 vendor;
	__u16 device;
	__u16 subvendor;
	__u16 subdevice;
	__u32 class;
	__u32 class_mask;
	__u32 override_only;
};
MODULE_NAME("types_cdx");
MODULE_VERMAGIC("6.8.0");

const struct cdx_device_id ids[] = {
	{ 0x10ee, 0x8084, 0xffff, 0xffff, 0, 0, 0 },
	{ 0xffff, 0xffff, 0xffff, 0xffff, 0, 0, 1 },
	{ 0x10ee, 0x1234, 0x10ee, 0x0001, 0x020000, 0xffffff, 0 },
	{ 0x10ee, 0x1234, 0xffff, 0x0002, 0x020000, 0xffff00, 1 },   /* partial mask: c* */
	{ 0x10ee, 0x1234, 0xffff, 0xffff, 0, 0, 5 },
	{ 0 }
};
MODULE_DEVICE_TABLE(cdx, ids);
