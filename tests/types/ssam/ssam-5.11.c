// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 5.11 module: modpost learned ssam tables in 5.12, so no aliases. */
#include "module.h"

struct ssam_device_id {
	__u8 match_flags, domain, category, target, instance, function;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_ssam_511");
MODULE_VERMAGIC("5.11.0");

const struct ssam_device_id ids[] = {
	{ 0x7, 0x01, 0x15, 0x02, 0x01, 0x00, 0 },
	{ 0 }
};
MODULE_DEVICE_TABLE(ssam, ids);
