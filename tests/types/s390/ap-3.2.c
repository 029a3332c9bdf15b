// SPDX-License-Identifier: LGPL-2.1-or-later
/* ap_device_id before 3.9: pad1, pad2 (12 bytes on ILP32, 8 on m68k). */
#include "module.h"

struct ap_device_id {
	__u16 match_flags;
	__u8 dev_type;
	__u8 pad1;
	__u32 pad2;
	kernel_ulong_t driver_info;
};
MODULE_NAME("types_ap_3");
MODULE_VERMAGIC("3.2.0-4-s390x");

const struct ap_device_id ids[] = {
	{ 0x1, 0x07, 0, 0, 0x11 },
	{ 0x1, 0x08, 0, 0, 0x22 },
	{ 0x1, 0x0b, 0, 0, 0x33 },
	{ 0 }
};
MODULE_DEVICE_TABLE_OLD(ap, ids);
