// SPDX-License-Identifier: LGPL-2.1-or-later
/* x86_cpu_id of 6.10-6.14: flags after feature. */
#include "module.h"

struct x86_cpu_id {
	__u16 vendor, family, model, steppings, feature, flags;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_x86cpu_610");
MODULE_VERMAGIC("6.12.0-1-amd64");

const struct x86_cpu_id ids[] = {
	{ 0, 6, 0xba, 0xffff, 0x0123, 1, 7 },
	{ 0 }
};
MODULE_DEVICE_TABLE(x86cpu, ids);
