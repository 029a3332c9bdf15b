// SPDX-License-Identifier: LGPL-2.1-or-later
/* 3.4-3.14: the x86cpu:vendor:...:family:...:model:... format; cpu_feature not yet known to modpost. */
#include "module.h"

struct x86_cpu_id {
	__u16 vendor, family, model, feature;
	kernel_ulong_t driver_data;
};
struct cpu_feature {
	__u16 feature;
};
MODULE_NAME("types_x86cpu_310");
MODULE_VERMAGIC("3.10.0-1160.el7.x86_64");

const struct x86_cpu_id ids[] = {
	{ 0, 6, 0x2a, 0, 1 },
	{ 0xffff, 0, 0, 0x0025, 2 },
	{ 0 }
};
MODULE_DEVICE_TABLE_OLD(x86cpu, ids);

const struct cpu_feature feats[] = { { 0x0010 }, { 0 } };
MODULE_DEVICE_TABLE_OLD(cpu, feats);
