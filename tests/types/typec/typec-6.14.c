// SPDX-License-Identifier: LGPL-2.1-or-later
/* 6.14+: "typec:id%04X" only; the struct keeps mode. */
#include "module.h"

struct typec_device_id {
	__u16 svid;
	__u8 mode;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_typec");
MODULE_VERMAGIC("6.14.0");

const struct typec_device_id ids[] = {
	{ 0xff01, 7, 0 },
	{ 0x8087, 1, 1 },
	{ 0 }
};
MODULE_DEVICE_TABLE_613(typec, ids);
