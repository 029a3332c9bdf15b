// SPDX-License-Identifier: LGPL-2.1-or-later
/* x86_cpu_id of a 4.4.y-5.4.y stable kernel with the SRBDS back-port (steppings appended), three
 * entries and the terminator: 96 bytes on LP64, which are also six of the 16-byte entries without
 * steppings.  The version cannot tell; the zero padding after steppings does. */
#include "module.h"

struct x86_cpu_id {
	__u16 vendor, family, model, feature;
	kernel_ulong_t driver_data;
	__u16 steppings;
};
MODULE_NAME("types_x86cpu_54s96");
MODULE_VERMAGIC("4.19.0-20-amd64");

const struct x86_cpu_id ids[] = {
	{ 0, 6, 0x8e, 0, 1, 0x0600 },
	{ 0, 6, 0x9e, 0x0085, 2, 0xffff },
	{ 2, 0x17, 0x31, 0, 0, 0 },
	{ 0 }
};
MODULE_DEVICE_TABLE(x86cpu, ids);
