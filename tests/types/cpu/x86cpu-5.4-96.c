// SPDX-License-Identifier: LGPL-2.1-or-later
/* x86_cpu_id of 4.4-5.6 without the back-port, five entries and the terminator: 96 bytes on LP64,
 * which are also four 24-byte entries with steppings appended; read so, the padding after steppings
 * would hold family and model, so it is not. */
#include "module.h"

struct x86_cpu_id {
	__u16 vendor, family, model, feature;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_x86cpu_5496");
MODULE_VERMAGIC("5.4.0-42-generic");

const struct x86_cpu_id ids[] = {
	{ 0, 6, 0x3d, 0, 1 },
	{ 0, 6, 0x47, 0x0081, 2 },
	{ 0xffff, 0, 0, 0x0094, 3 },
	{ 2, 0x15, 0x02, 0, 0 },
	{ 0, 6, 0x4f, 0x00c0, 5 },
	{ 0 }
};
MODULE_DEVICE_TABLE(x86cpu, ids);
