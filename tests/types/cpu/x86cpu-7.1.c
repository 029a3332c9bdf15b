// SPDX-License-Identifier: LGPL-2.1-or-later
/* x86_cpu_id of 7.1+: platform_mask before type. */
#include "module.h"

struct x86_cpu_id {
	__u16 vendor, family, model, steppings, feature, flags;
	__u8 platform_mask, type;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_x86cpu_71");
MODULE_VERMAGIC("7.1.0-1-amd64");

const struct x86_cpu_id ids[] = {
	{ 0, 6, 0xcc, 0, 0x0001, 0, 0xff, 0x40, 1 },
	{ 0 }
};
MODULE_DEVICE_TABLE_618(types_x86cpu_71, x86cpu, ids);
