// SPDX-License-Identifier: LGPL-2.1-or-later
/* css_device_id before 3.9: pad2, pad3. */
#include "module.h"

struct css_device_id {
	__u8 match_flags;
	__u8 type;
	__u16 pad2;
	__u32 pad3;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_css_3");
MODULE_VERMAGIC("3.2.0-4-s390x");

const struct css_device_id ids[] = {
	{ 1, 0x1, 0, 0, 0x11 },
	{ 1, 0x2, 0, 0, 0x22 },
	{ 1, 0xc, 0, 0, 0x33 },
	{ 0 }
};
MODULE_DEVICE_TABLE_OLD(css, ids);
