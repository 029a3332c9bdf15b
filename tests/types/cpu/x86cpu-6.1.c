// SPDX-License-Identifier: LGPL-2.1-or-later
/* x86_cpu_id of 5.7-6.9 (mainline: steppings before feature) and cpu_feature. */
#include "module.h"

struct x86_cpu_id {
	__u16 vendor, family, model, steppings, feature;
	kernel_ulong_t driver_data;
};
struct cpu_feature {
	__u16 feature;
};
MODULE_NAME("types_x86cpu");
MODULE_VERMAGIC("6.1.0-13-amd64");

const struct x86_cpu_id ids[] = {
	{ 0, 6, 0x55, 0x00f0, 0, 1 },        /* Intel family 6 model 0x55, any feature */
	{ 0xffff, 0, 0, 0, 0x01a5, 2 },      /* any CPU with feature 0x1a5 */
	{ 2, 0x17, 0, 0xffff, 0x0074, 3 },   /* AMD family 0x17, any model */
	{ 0 }
};
MODULE_DEVICE_TABLE(x86cpu, ids);

const struct cpu_feature feats[] = { { 0x0010 }, { 0x01a5 }, { 0 } };
MODULE_DEVICE_TABLE(cpu, feats);
