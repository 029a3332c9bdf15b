// SPDX-License-Identifier: LGPL-2.1-or-later
/* 5.6: i2c known, i3c not yet known to modpost. */
#include "module.h"

struct i2c_device_id {
	char name[20];
	kernel_ulong_t driver_data;
};
struct i3c_device_id {
	__u8 match_flags, dcr;
	__u16 manuf_id, part_id, extra_info;
	const void *data;
};
MODULE_NAME("types_i2c_56");
MODULE_VERMAGIC("5.6.0-2-amd64");

const struct i2c_device_id ids[] = {
	{ "lm75", 0 },
	{ 0 }
};
MODULE_DEVICE_TABLE(i2c, ids);

const struct i3c_device_id i3c_ids[] = {
	{ 0x1, 0x3a, 0, 0, 0, 0 },
	{ 0 }
};
MODULE_DEVICE_TABLE(i3c, i3c_ids);
