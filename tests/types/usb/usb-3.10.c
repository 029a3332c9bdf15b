// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 3.10 module: bInterfaceNumber ("in", 3.6) and still the crossing bug (fixed in 3.13). */
#include "module.h"

struct usb_device_id {
	__u16 match_flags, idVendor, idProduct, bcdDevice_lo, bcdDevice_hi;
	__u8 bDeviceClass, bDeviceSubClass, bDeviceProtocol;
	__u8 bInterfaceClass, bInterfaceSubClass, bInterfaceProtocol;
	__u8 bInterfaceNumber;
	kernel_ulong_t driver_info __attribute__((aligned(sizeof(kernel_ulong_t))));
};
MODULE_NAME("types_usb_310");
MODULE_VERMAGIC("3.10.0-1160.el7.x86_64");

const struct usb_device_id ids[] = {
	{ 0x0783, 0x12d1, 0x1506, 0, 0, 0, 0, 0, 0xff, 0x02, 0x16, 0x02, 3 },
	{ 0x000f, 0x1234, 0x0003, 0x0005, 0x001a },
	{ 0x000f, 0x1234, 0x000c, 0x0190, 0x0310 },
	{ 0 }
};
MODULE_DEVICE_TABLE_OLD(usb, ids);
