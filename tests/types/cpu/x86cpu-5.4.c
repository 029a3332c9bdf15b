// SPDX-License-Identifier: LGPL-2.1-or-later
/* x86_cpu_id of 3.15-5.6 as released: no steppings. */
#include "module.h"

struct x86_cpu_id {
	__u16 vendor, family, model, feature;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_x86cpu_54");
MODULE_VERMAGIC("5.4.0-42-generic");

const struct x86_cpu_id ids[] = {
	{ 0, 6, 0x3c, 0x0081, 1 },
	{ 0 }
};
MODULE_DEVICE_TABLE(x86cpu, ids);
