// SPDX-License-Identifier: LGPL-2.1-or-later
/* dfl_device_id: "dfl:t%04Xf%04X*", both always printed. */
#include "module.h"

struct dfl_device_id {
	__u16 type;
	__u16 feature_id;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_dfl");
MODULE_VERMAGIC("5.12.0");

const struct dfl_device_id ids[] = {
	{ 0, 0xe, 0 },       /* FME_ID, FME_FEATURE_ID_GLOBAL_IPERF */
	{ 1, 0xffff, 1 },
	{ 0 }
};
MODULE_DEVICE_TABLE(dfl, ids);
