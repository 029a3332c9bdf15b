// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 6.1 module: group (HID_GROUP_ANY 0), bus HID_BUS_ANY 0xffff and ids HID_ANY_ID ~0 as '*'; no '*' appended. */
#include "module.h"

struct hid_device_id {
	__u16 bus, group;
	__u32 vendor, product;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_hid");
MODULE_VERMAGIC("6.1.0-57-amd64");

const struct hid_device_id ids[] = {
	{ 0x0003, 0x0001, ~0u, ~0u },       /* HID_DEVICE(BUS_USB, HID_GROUP_GENERIC, HID_ANY_ID, HID_ANY_ID) */
	{ 0xffff, 0x0002, ~0u, ~0u },       /* any bus, multitouch */
	{ 0x0018, 0x0000, 0x04f3, 0x0732 }, /* I2C */
	{ 0x0005, 0x0101, 0x0000, 0xfffe, 9 },
	{ 0 }
};
MODULE_DEVICE_TABLE(hid, ids);
