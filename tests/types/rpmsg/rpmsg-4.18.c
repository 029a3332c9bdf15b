// SPDX-License-Identifier: LGPL-2.1-or-later
/* rpmsg_device_id before 5.14 (name[32] only): "rpmsg:<name>", an empty name printed as nothing. */
#include "module.h"

struct rpmsg_device_id {
	char name[32];
};
MODULE_NAME("types_rpmsg_418");
MODULE_VERMAGIC("4.18.0");

const struct rpmsg_device_id ids[] = {
	{ "rpmsg-client-sample" },
	{ "" },
	{ "" }
};
MODULE_DEVICE_TABLE(rpmsg, ids);
