// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 5.10 module: SW_MAX 0x10 from 5.7, so switch 0x0f is printed (0x10 would not be). */
#include "module.h"
#include "bits.h"

struct input_device_id {
	INPUT_ID_HEAD
	kernel_ulong_t propbit[0x1f / BITS_PER_LONG + 1];
	kernel_ulong_t driver_info;
};
MODULE_NAME("types_input_510");
MODULE_VERMAGIC("5.10.0-30-amd64");

const struct input_device_id ids[] = {
	{ .flags = 0x3011, .evbit = { BIT1(5) }, .swbit = { BITS(0x00, 0x00, 0x0e, 0x0f, 0xffff) },
	  .propbit = { BIT1(1) }, .driver_info = 7 },
	{ .flags = 0x0002, .vendor = 0x1234, .driver_info = 8 },
	{ 0 }
};
MODULE_DEVICE_TABLE(input, ids);
