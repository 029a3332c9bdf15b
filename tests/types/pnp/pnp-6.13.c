// SPDX-License-Identifier: LGPL-2.1-or-later
/* 6.13+: global dedupe in modpost, the 6.13 symbol spelling. */
#include "module.h"

struct pnp_device_id {
	__u8 id[8];
	kernel_ulong_t driver_data;
};
struct pnp_card_device_id {
	__u8 id[8];
	kernel_ulong_t driver_data;
	struct {
		__u8 id[8];
	} devs[8];
};
struct isapnp_device_id {
	unsigned short card_vendor, card_device;
	unsigned short vendor, function;
	kernel_ulong_t driver_data;
};
/* include/linux/isapnp.h */
#define ISAPNP_VENDOR(a, b, c) \
	(((((a) - 'A' + 1) & 0x3f) << 2) | ((((b) - 'A' + 1) & 0x18) >> 3) | \
	 ((((b) - 'A' + 1) & 7) << 13) | ((((c) - 'A' + 1) & 0x1f) << 8))
#define ISAPNP_FUNCTION(x) \
	((((x) & 0xf000) >> 8) | (((x) & 0x0f00) >> 8) | (((x) & 0x00f0) << 8) | (((x) & 0x000f) << 8))
MODULE_NAME("types_pnp_613");
MODULE_VERMAGIC("6.13.0-1-686");

const struct pnp_card_device_id card_ids[] = {
	{ "OPT0001", 1, { { "OPT0931" }, { "OPT0002" } } },
	{ "OPT0002", 2, { { "OPT0931" } } },
	{ 0 }
};
MODULE_DEVICE_TABLE_613(pnp_card, card_ids);
