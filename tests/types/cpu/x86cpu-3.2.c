// SPDX-License-Identifier: LGPL-2.1-or-later
/* Before 3.4 modpost did not know x86cpu: no aliases. */
#include "module.h"

struct x86_cpu_id {
	__u16 vendor, family, model, feature;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_x86cpu_32");
MODULE_VERMAGIC("3.2.0-4-amd64");

const struct x86_cpu_id ids[] = {
	{ 0, 6, 0x2a, 0, 1 },
	{ 0 }
};
MODULE_DEVICE_TABLE_OLD(x86cpu, ids);
