// SPDX-License-Identifier: LGPL-2.1-or-later
/* tb_service_id: "tbsvc:k<key>p%08Xv%08Xr%08X", each only if its match flag is set, else '*'; then '*'. */
#include "module.h"

struct tb_service_id {
	__u32 match_flags;
	char protocol_key[8 + 1];
	__u32 protocol_id;
	__u32 protocol_version;
	__u32 protocol_revision;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_tbsvc");
MODULE_VERMAGIC("4.15.0");

const struct tb_service_id ids[] = {
	{ 0x3, "network", 1, 0, 0, 0 },              /* thunderbolt-net: TB_SERVICE("network", 1) */
	{ 0xf, "dma_test", 0x10, 2, 0xabcdef12, 1 },
	{ 0x0, "ignored", 5, 6, 7, 2 },
	{ 0xc, "", 0, 0x100, 0x200, 3 },
	{ 0 }
};
MODULE_DEVICE_TABLE(tbsvc, ids);
