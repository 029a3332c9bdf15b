// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 3.2 module: the symbols of 3.14 and before. */
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
MODULE_NAME("types_pnp_3");
MODULE_VERMAGIC("3.2.0-4-486");

const struct pnp_device_id pnp_ids[] = {
	{ "PNP0400", 1 },
	{ 0 }
};
MODULE_DEVICE_TABLE_OLD(pnp, pnp_ids);

const struct pnp_card_device_id card_ids[] = {
	{ "ESS1868", 1, { { "ESS1868" }, { "ESS0000" } } },
	{ 0 }
};
MODULE_DEVICE_TABLE_OLD(pnp_card, card_ids);

const struct isapnp_device_id isapnp_ids[] = {
	{ 0xffff, 0xffff, ISAPNP_VENDOR('E', 'S', 'S'), ISAPNP_FUNCTION(0x1868), 0 },
	{ 0 }
};
MODULE_DEVICE_TABLE_OLD(isapnp, isapnp_ids);
