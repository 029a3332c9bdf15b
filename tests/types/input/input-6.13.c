// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 6.13 module: the loop is i <= max from 6.13, so each MAX bit is printed (SW_MAX 0x10). */
#include "module.h"
#include "bits.h"

struct input_device_id {
	INPUT_ID_HEAD
	kernel_ulong_t propbit[0x1f / BITS_PER_LONG + 1];
	kernel_ulong_t driver_info;
};
MODULE_NAME("types_input_613");
MODULE_VERMAGIC("6.13.0");

const struct input_device_id ids[] = {
	{ .flags = 0x10b1, .evbit = { BIT1(0x1f) }, .keybit = { BIT1(0x2ff) },
	  .absbit = { BITS(0x00, 0x00, 0x3f, 0xffff, 0xffff), BITS(0x3f, 0x00, 0x3f, 0xffff, 0xffff) },
	  .swbit = { BITS(0x00, 0x0f, 0x10, 0x11, 0xffff) } },                /* 0x11 is past SW_MAX */
	{ 0 }
};
MODULE_DEVICE_TABLE_613(input, ids);
