// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 3.0 module: hid_device_id with pad1 (group came in 3.5): "hid:b%04Xv..p..", bus always numeric. */
#include "module.h"

struct hid_device_id {
	__u16 bus, pad1;
	__u32 vendor, product;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_hid_30");
MODULE_VERMAGIC("3.0.101-63-default");

const struct hid_device_id ids[] = {
	{ 0x0003, 0, 0x046d, 0xc52b },
	{ 0xffff, 0x1234, ~0u, ~0u, 5 },   /* HID_BUS_ANY printed as FFFF; pad1 ignored */
	{ 0 }
};
MODULE_DEVICE_TABLE_OLD(hid, ids);
