// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 3.9 module: modpost learned mei tables in 3.10, so no aliases. */
#include "module.h"

struct mei_cl_device_id {
	char name[32];
	kernel_ulong_t driver_info;
};
MODULE_NAME("types_mei_39");
MODULE_VERMAGIC("3.9.0");

const struct mei_cl_device_id ids[] = {
	{ "pn544", 0 },
	{ "" }
};
MODULE_DEVICE_TABLE_OLD(mei, ids);
