// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 6.18 module: the static __mod_device_table__kmod_<mod>__usb__<name> symbol. */
#include "module.h"

struct usb_device_id {
	__u16 match_flags, idVendor, idProduct, bcdDevice_lo, bcdDevice_hi;
	__u8 bDeviceClass, bDeviceSubClass, bDeviceProtocol;
	__u8 bInterfaceClass, bInterfaceSubClass, bInterfaceProtocol;
	__u8 bInterfaceNumber;
	kernel_ulong_t driver_info __attribute__((aligned(sizeof(kernel_ulong_t))));
};
MODULE_NAME("types_usb_618");
MODULE_VERMAGIC("6.18.2");

static const struct usb_device_id ids[] = {
	{ 0x000f, 0x1234, 0x0003, 0x0005, 0x001a, 0, 0, 0, 0, 0, 0, 0, 5 },
	{ 0x0381, 0x0bda, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff },
	{ 0 }
};
MODULE_DEVICE_TABLE_618(types_usb_618, usb, ids);
