// SPDX-License-Identifier: LGPL-2.1-or-later
/* x86_cpu_id of 6.15-7.0: type after flags (driver_data moves on 32-bit targets). */
#include "module.h"

struct x86_cpu_id {
	__u16 vendor, family, model, steppings, feature, flags;
	__u8 type;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_x86cpu_615");
MODULE_VERMAGIC("6.16.0-1-amd64");

const struct x86_cpu_id ids[] = {
	{ 0, 6, 0xaa, 0, 0, 0, 0x20, 1 },
	{ 0xffff, 0x19, 0, 0, 0x0042, 0, 0, 2 },
	{ 0 }
};
MODULE_DEVICE_TABLE_613(x86cpu, ids);
