// SPDX-License-Identifier: LGPL-2.1-or-later
/* amba in a 3.10 module (__mod_amba_device_table). */
#include "module.h"

struct amba_id {
	unsigned int id, mask;
	void *data;
};
MODULE_NAME("types_amba_310");
MODULE_VERMAGIC("3.10.0-1160.el7.x86_64");

const struct amba_id ids[] = {
	{ 0x00341011, 0x00ffffff, 0 },
	{ 0 }
};
MODULE_DEVICE_TABLE_OLD(amba, ids);
