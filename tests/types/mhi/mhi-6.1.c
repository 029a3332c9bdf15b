// SPDX-License-Identifier: LGPL-2.1-or-later
/* 5.19+: the same struct makes "mhi:" and "mhi_ep:" aliases. */
#include "module.h"

struct mhi_device_id {
	const char chan[32];
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_mhi");
MODULE_VERMAGIC("6.1.0-13-amd64");

const struct mhi_device_id host_ids[] = {
	{ "IP_HW0", 0 },
	{ "" }
};
MODULE_DEVICE_TABLE(mhi, host_ids);
const struct mhi_device_id ep_ids[] = {
	{ "IP_SW0", 0 },
	{ "QMI", 7 },
	{ "" }
};
MODULE_DEVICE_TABLE(mhi_ep, ep_ids);
