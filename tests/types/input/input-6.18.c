// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 6.18 module: SW_MAX 0x11 (6.16), so switch 0x11 is printed too. */
#include "module.h"
#include "bits.h"

struct input_device_id {
	INPUT_ID_HEAD
	kernel_ulong_t propbit[0x1f / BITS_PER_LONG + 1];
	kernel_ulong_t driver_info;
};
MODULE_NAME("types_input_618");
MODULE_VERMAGIC("6.18.2");

static const struct input_device_id ids[] = {
	{ .flags = 0x1000, .swbit = { BITS(0x00, 0x0f, 0x10, 0x11, 0xffff) } },
	{ 0 }
};
MODULE_DEVICE_TABLE_618(types_input_618, input, ids);
