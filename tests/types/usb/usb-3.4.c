// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 3.4.108 module: the 3.0 struct, and the crossing fix back-ported to 3.4.108.
 */
#include "module.h"

struct usb_device_id {
	__u16 match_flags, idVendor, idProduct, bcdDevice_lo, bcdDevice_hi;
	__u8 bDeviceClass, bDeviceSubClass, bDeviceProtocol;
	__u8 bInterfaceClass, bInterfaceSubClass, bInterfaceProtocol;
	kernel_ulong_t driver_info;
};
MODULE_NAME("types_usb_34");
MODULE_VERMAGIC("3.4.108");

const struct usb_device_id ids[] = {
	{ 0x0003, 0x046d, 0xc52b, 0, 0, 0, 0, 0, 0, 0, 0, 42 },
	{ 0x000f, 0x1234, 0x0003, 0x0005, 0x001a },       /* fixed */
	{ 0x000f, 0x1234, 0x000a, 0x0009, 0x000b },       /* fixed */
	{ 0x000f, 0x1234, 0x000b, 0x0005, 0x000a },       /* fixed */
	{ 0x000f, 0x1234, 0x0002, 0x0105, 0x0230 },       /* BCD never crosses */
	{ 0x0380, 0, 0, 0, 0, 0, 0, 0, 0x03, 0x01, 0x01 },
	{ 0x0003, 0, 0 },                                 /* placeholder */
	{ 0 }
};
MODULE_DEVICE_TABLE_OLD(usb, ids);
