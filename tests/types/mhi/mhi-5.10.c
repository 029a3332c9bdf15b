// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 5.10 module with an mhi and an mhi_ep table: modpost learned mhi_ep only in 5.19. */
#include "module.h"

struct mhi_device_id {
	const char chan[32];
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_mhi_510");
MODULE_VERMAGIC("5.10.0");

const struct mhi_device_id host_ids[] = {
	{ "QMI", 0 },
	{ "" }
};
MODULE_DEVICE_TABLE(mhi, host_ids);
const struct mhi_device_id ep_ids[] = {
	{ "IP_SW0", 0 },
	{ "" }
};
MODULE_DEVICE_TABLE(mhi_ep, ep_ids);
