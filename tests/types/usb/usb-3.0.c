// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 3.0 module: usb_device_id before bInterfaceNumber (no "in"), __mod_usb_device_table, and the
 * 3.0-3.12 crossing bug: the upper half of a range over 9/A printed as "a-<lo>]". */
#include "module.h"

struct usb_device_id {
	__u16 match_flags, idVendor, idProduct, bcdDevice_lo, bcdDevice_hi;
	__u8 bDeviceClass, bDeviceSubClass, bDeviceProtocol;
	__u8 bInterfaceClass, bInterfaceSubClass, bInterfaceProtocol;
	kernel_ulong_t driver_info;
};
MODULE_NAME("types_usb_30");
MODULE_VERMAGIC("3.0.101-63-default");

const struct usb_device_id ids[] = {
	{ 0x0003, 0x046d, 0xc52b, 0, 0, 0, 0, 0, 0, 0, 0, 42 },
	{ 0x000f, 0x1234, 0x0003, 0x0005, 0x001a },       /* hex [5-9a-5] */
	{ 0x000f, 0x1234, 0x000a, 0x0009, 0x000b },       /* hex [9a-9] */
	{ 0x000f, 0x1234, 0x000b, 0x0005, 0x000a },       /* hex [5-95] */
	{ 0x000f, 0x1234, 0x0002, 0x0105, 0x0230 },       /* BCD never crosses */
	{ 0x0380, 0, 0, 0, 0, 0, 0, 0, 0x03, 0x01, 0x01 },
	{ 0x0003, 0, 0 },                                 /* placeholder */
	{ 0 }
};
MODULE_DEVICE_TABLE_OLD(usb, ids);
