// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 4.14 module: modpost learned tbsvc tables in 4.15, so no aliases. */
#include "module.h"

struct tb_service_id {
	__u32 match_flags;
	char protocol_key[8 + 1];
	__u32 protocol_id, protocol_version, protocol_revision;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_tbsvc_414");
MODULE_VERMAGIC("4.14.0");

const struct tb_service_id ids[] = {
	{ 0x3, "network", 1, 0, 0, 0 },
	{ 0 }
};
MODULE_DEVICE_TABLE(tbsvc, ids);
