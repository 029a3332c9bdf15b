// SPDX-License-Identifier: LGPL-2.1-or-later
/* mhi_device_id (chan[32], driver_data): "mhi:<chan>". */
#include "module.h"

struct mhi_device_id {
	const char chan[32];
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_mhi_57");
MODULE_VERMAGIC("5.7.0");

const struct mhi_device_id ids[] = {
	{ "IPCR", 0 },
	{ "", 1 },
	{ "" }
};
MODULE_DEVICE_TABLE(mhi, ids);
