// SPDX-License-Identifier: LGPL-2.1-or-later
/* i2c_device_id and i3c_device_id (5.7+): match flags, empty and full-length names. */
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
MODULE_NAME("types_i2c");
MODULE_VERMAGIC("6.1.0-13-amd64");

const struct i2c_device_id ids[] = {
	{ "tmp102", 0 },
	{ "", 1 },
	{ "abcdefghijklmnopqrst", 0 },   /* 20 bytes, no NUL: printed up to the array's end */
	{ 0 }
};
MODULE_DEVICE_TABLE(i2c, ids);

const struct i3c_device_id i3c_ids[] = {
	{ 0x1 | 0x2, 0x3a, 0x1234, 0x5678, 0x9abc, 0 },
	{ 0x2 | 0x4, 0, 0x0105, 0x0001, 0, 0 },
	{ 0x8, 0xff, 0xffff, 0xffff, 0x00ab, 0 },
	{ 0xf, 0, 0, 0, 0, 0 },
	{ 0x0, 0x11, 0x22, 0x33, 0x44, 0 },
	{ 0 }
};
MODULE_DEVICE_TABLE(i3c, i3c_ids);
