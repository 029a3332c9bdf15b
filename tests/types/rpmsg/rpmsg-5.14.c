// SPDX-License-Identifier: LGPL-2.1-or-later
/* rpmsg_device_id of 5.14+ (+ driver_data). */
#include "module.h"

struct rpmsg_device_id {
	char name[32];
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_rpmsg");
MODULE_VERMAGIC("5.14.0");

const struct rpmsg_device_id ids[] = {
	{ "DATA5_CNTL", 1 },
	{ "DATA4", 2 },
	{ "" }
};
MODULE_DEVICE_TABLE(rpmsg, ids);
