// SPDX-License-Identifier: LGPL-2.1-or-later
/* 6.13, the last kernel printing the mode (__mod_device_table__typec__ids). */
#include "module.h"

struct typec_device_id {
	__u16 svid;
	__u8 mode;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_typec_613");
MODULE_VERMAGIC("6.13.0");

const struct typec_device_id ids[] = {
	{ 0x12d1, 2, 0 },
	{ 0 }
};
MODULE_DEVICE_TABLE_613(typec, ids);
