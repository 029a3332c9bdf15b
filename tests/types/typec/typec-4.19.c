// SPDX-License-Identifier: LGPL-2.1-or-later
/* typec_device_id until 6.13: "typec:id%04X" and m%02X, or m* for TYPEC_ANY_MODE (7); no wildcard. */
#include "module.h"

struct typec_device_id {
	__u16 svid;
	__u8 mode;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_typec_419");
MODULE_VERMAGIC("4.19.0");

const struct typec_device_id ids[] = {
	{ 0xff01, 7, 0 },    /* DisplayPort, any mode */
	{ 0x8087, 1, 1 },
	{ 0x0000, 0, 2 },
	{ 0 }
};
MODULE_DEVICE_TABLE(typec, ids);
