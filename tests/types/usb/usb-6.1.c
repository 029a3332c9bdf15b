// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 6.1 module: usb_device_id of 3.6+ (bInterfaceNumber, driver_info aligned to its size); bcdDevice
 * ranges in BCD and hex, open ends, crossing 9/A, empty ranges, the all-zero skip rule. */
#include "module.h"

struct usb_device_id {
	__u16 match_flags, idVendor, idProduct, bcdDevice_lo, bcdDevice_hi;
	__u8 bDeviceClass, bDeviceSubClass, bDeviceProtocol;
	__u8 bInterfaceClass, bInterfaceSubClass, bInterfaceProtocol;
	__u8 bInterfaceNumber;
	kernel_ulong_t driver_info __attribute__((aligned(sizeof(kernel_ulong_t))));
};
MODULE_NAME("types_usb");
MODULE_VERMAGIC("6.1.0-57-amd64");

const struct usb_device_id ids[] = {
	{ 0x0003, 0x046d, 0xc52b },                       /* USB_DEVICE */
	{ 0x000f, 0x0781, 0x5567, 0x0100, 0x0100 },       /* one version */
	{ 0x000f, 0x1234, 0x0001, 0x0000, 0x0099 },       /* BCD 0000-0099 */
	{ 0x000f, 0x1234, 0x0002, 0x0105, 0x0230 },       /* BCD, several pieces */
	{ 0x000f, 0x1234, 0x0003, 0x0005, 0x001a },       /* hex, crossing 9/A */
	{ 0x0007, 0x1234, 0x0004, 0x0120 },               /* low bound only */
	{ 0x000b, 0x1234, 0x0005, 0x0000, 0x0200 },       /* high bound only */
	{ 0x000f, 0x1234, 0x0006, 0x0000, 0xffff },       /* hex, everything */
	{ 0x0380, 0, 0, 0, 0, 0, 0, 0, 0x08, 0x06, 0x50 }, /* USB_INTERFACE_INFO */
	{ 0x0783, 0x12d1, 0x1506, 0, 0, 0, 0, 0, 0xff, 0x02, 0x16, 0x02, 7 }, /* ..._AND_INTERFACE_NUMBER-ish */
	{ 0x0010, 0, 0, 0, 0, 0x09 },                     /* USB_DEVICE_INFO(9, *, *) */
	{ 0x0003, 0, 0, 0, 0, 0, 0, 0, 0 },               /* visor placeholder: no alias */
	{ 0x0000, 0x1234, 0x0007 },                       /* no flags: all wildcards */
	{ 0x0007, 0x1234, 0x0008, 0x00a0 },               /* hex low bound only (modpost loses it: d*) */
	{ 0x000f, 0x1234, 0x0009, 0x0200, 0x0100 },       /* lo > hi: no alias */
	{ 0x000f, 0x1234, 0x000a, 0x0009, 0x000b },       /* hex [9A-B] */
	{ 0x000f, 0x1234, 0x000b, 0x0005, 0x000a },       /* hex [5-9A] */
	{ 0x000f, 0x1234, 0x000c, 0x0190, 0x0310 },       /* BCD across hundreds */
	{ 0x0403, 0x0bda, 0x8153, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, /* interface number 0 */
	{ 0 }
};
MODULE_DEVICE_TABLE(usb, ids);
