// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 4.18 module: modpost learned typec tables in 4.19, so no aliases. */
#include "module.h"

struct typec_device_id {
	__u16 svid;
	__u8 mode;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_typec_418");
MODULE_VERMAGIC("4.18.0");

const struct typec_device_id ids[] = {
	{ 0xff01, 7, 0 },
	{ 0 }
};
MODULE_DEVICE_TABLE(typec, ids);
