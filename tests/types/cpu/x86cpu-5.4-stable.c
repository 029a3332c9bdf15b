// SPDX-License-Identifier: LGPL-2.1-or-later
/* x86_cpu_id of a 4.4.y-5.4.y stable kernel after the SRBDS back-port: steppings appended after
 * driver_data.  Four entries and the terminator: 5 entries fit only this variant on every ABI
 * (5 x 24 is no multiple of 16, 5 x 16 none of 12, 5 x 14 none of 12). */
#include "module.h"

struct x86_cpu_id {
	__u16 vendor, family, model, feature;
	kernel_ulong_t driver_data;
	__u16 steppings;
};
MODULE_NAME("types_x86cpu_54s");
MODULE_VERMAGIC("5.4.0-100-generic");

const struct x86_cpu_id ids[] = {
	{ 0, 6, 0x3c, 0, 1, 0x000f },
	{ 0, 6, 0x45, 0x0081, 2, 0xffff },
	{ 0xffff, 0, 0, 0x0094, 3, 0 },
	{ 2, 0x15, 0x02, 0, 4, 0x8000 },
	{ 0 }
};
MODULE_DEVICE_TABLE(x86cpu, ids);
