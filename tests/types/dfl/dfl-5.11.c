// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 5.11 module: modpost learned dfl tables in 5.12, so no aliases. */
#include "module.h"

struct dfl_device_id {
	__u16 type;
	__u16 feature_id;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_dfl_511");
MODULE_VERMAGIC("5.11.0");

const struct dfl_device_id ids[] = {
	{ 0, 0xe, 0 },
	{ 0 }
};
MODULE_DEVICE_TABLE(dfl, ids);
