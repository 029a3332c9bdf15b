// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 6.18 module (static __mod_device_table__kmod_<mod>__rpmsg__<name>); a name of 31 characters. */
#include "module.h"

struct rpmsg_device_id {
	char name[32];
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_rpmsg_618");
MODULE_VERMAGIC("6.18.0");

const struct rpmsg_device_id ids[] = {
	{ "abcdefghijklmnopqrstuvwxyz01234", 0 },
	{ "" }
};
MODULE_DEVICE_TABLE_618(types_rpmsg_618, rpmsg, ids);
