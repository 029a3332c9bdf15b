// SPDX-License-Identifier: LGPL-2.1-or-later
/* 7.3 removed ap_device_id.driver_info: 4-byte entries; the 6.18+ symbol. */
#include "module.h"

struct ap_device_id {
	__u16 match_flags;
	__u8 dev_type;
};
MODULE_NAME("types_ap_73");
MODULE_VERMAGIC("7.3.0-1-s390x");

const struct ap_device_id ids[] = {
	{ 0x1, 0x0e },
	{ 0x1, 0x0f },
	{ 0x1, 0x10 },
	{ 0 }
};
MODULE_DEVICE_TABLE_618(types_ap_73, ap, ids);
