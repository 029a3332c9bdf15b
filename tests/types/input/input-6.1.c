// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 6.1 module (Debian's vermagic): every bitmap below its MAX, as both 6.1.0 and 6.1.192 print it. */
#include "module.h"
#include "bits.h"

struct input_device_id {
	INPUT_ID_HEAD
	kernel_ulong_t propbit[0x1f / BITS_PER_LONG + 1];
	kernel_ulong_t driver_info;
};
MODULE_NAME("types_input");
MODULE_VERMAGIC("6.1.0-57-amd64");

const struct input_device_id ids[] = {
	{ .flags = 0x1fff, .bustype = 0x0005, .vendor = 0x05ac, .product = 0x0265, .version = 0x0001,
	  .evbit = { BITS(0x00, 0x00, 0x01, 0x03, 0x1e) },
	  .keybit = { BITS(0x70, 0x70, 0x71, 0xffff, 0xffff), BITS(0x71, 0x70, 0x71, 0xffff, 0xffff), BIT1(0x14a), BIT1(0x2fe) },
	  .relbit = { BITS(0x00, 0x00, 0x0e, 0xffff, 0xffff) },
	  .absbit = { BITS(0x00, 0x00, 0x2f, 0x3e, 0x35), BITS(0x35, 0x00, 0x2f, 0x3e, 0x35) },
	  .mscbit = { BIT1(0x06) }, .ledbit = { BIT1(0x0e) }, .sndbit = { BIT1(0x06) },
	  .ffbit = { BITS(0x50, 0x50, 0x7e, 0xffff, 0xffff), BITS(0x7e, 0x50, 0x7e, 0xffff, 0xffff) }, .swbit = { BITS(0x00, 0x00, 0x0f, 0xffff, 0xffff) },
	  .propbit = { BIT1(0) } },
	{ .flags = 0x0001, .bustype = 0xffff },
	{ .flags = 0x0080, .absbit = { 0 }, .driver_info = 2 },               /* matched, no bits */
	{ 0 }
};
MODULE_DEVICE_TABLE(input, ids);
