// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 4.17 module: modpost learned rpmsg tables in 4.18, so no aliases. */
#include "module.h"

struct rpmsg_device_id {
	char name[32];
};
MODULE_NAME("types_rpmsg_417");
MODULE_VERMAGIC("4.17.0");

const struct rpmsg_device_id ids[] = {
	{ "rpmsg_chrdev" },
	{ "" }
};
MODULE_DEVICE_TABLE(rpmsg, ids);
