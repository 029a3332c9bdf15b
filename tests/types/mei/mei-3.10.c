// SPDX-License-Identifier: LGPL-2.1-or-later
/* mei_cl_device_id of 3.10-4.1 (name, driver_info): "mei:<name>", an empty name printed as nothing. */
#include "module.h"

struct mei_cl_device_id {
	char name[32];
	kernel_ulong_t driver_info;
};
MODULE_NAME("types_mei_3");
MODULE_VERMAGIC("3.10.0");

const struct mei_cl_device_id ids[] = {
	{ "pn544", 0 },
	{ "", 1 },
	{ "" }
};
MODULE_DEVICE_TABLE_OLD(mei, ids);
