// SPDX-License-Identifier: LGPL-2.1-or-later
/* i2c in a 3.2 module (__mod_i2c_device_table). */
#include "module.h"

struct i2c_device_id {
	char name[20];
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_i2c_32");
MODULE_VERMAGIC("3.2.0-4-amd64");

const struct i2c_device_id ids[] = {
	{ "at24", 0 },
	{ 0 }
};
MODULE_DEVICE_TABLE_OLD(i2c, ids);
