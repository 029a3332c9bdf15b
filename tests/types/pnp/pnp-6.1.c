// SPDX-License-Identifier: LGPL-2.1-or-later
/* pnp, pnp_card and isapnp tables (structs unchanged 3.0-7.3). */
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
MODULE_NAME("types_pnp");
MODULE_VERMAGIC("6.1.0-13-686");

const struct pnp_device_id pnp_ids[] = {
	{ "PNP0501", 1 },
	{ "pnp0f13", 2 },   /* lower case: the acpi alias is upper-cased */
	{ "", 3 },          /* empty: still "pnp:d*" and "acpi*::*" */
	{ "ABC12345", 0 },  /* 8 characters, no NUL: %s ran on into driver_data, here 0 */
	{ "PNP0501", 4 },   /* a repeat: the core keeps the first */
	{ 0 }
};
MODULE_DEVICE_TABLE(pnp, pnp_ids);

const struct pnp_card_device_id card_ids[] = {
	{ "CTL0001", 1, { { "CTL0031" }, { "CTL7001" } } },
	{ "CTL0002", 2, { { "CTL0031" }, { "ctl0041" } } },   /* CTL0031 was in an earlier entry */
	{ "CTL0003", 3, { { "" }, { "IGNORED" } } },          /* stops at the first empty id */
	{ "ABC0001", 4, { { "ABCDEFGH" }, { "IJK0001" } } },  /* 8 characters: ran on into the next id */
	{ "DUP0000", 5, { { "DUP0001" }, { "DUP0001" } } },   /* same entry: modpost printed both */
	{ "ALL0000", 6, { { "ALL0001" }, { "ALL0002" }, { "ALL0003" }, { "ALL0004" },
			  { "ALL0005" }, { "ALL0006" }, { "ALL0007" }, { "ALL0008" } } },
	{ 0 }
};
MODULE_DEVICE_TABLE(pnp_card, card_ids);

const struct isapnp_device_id isapnp_ids[] = {
	{ 0xffff, 0xffff, ISAPNP_VENDOR('C', 'T', 'L'), ISAPNP_FUNCTION(0x0031), 0 },
	{ 0xffff, 0xffff, ISAPNP_VENDOR('A', 'Z', 'T'), ISAPNP_FUNCTION(0xabcd), 1 },
	{ 0, 0, ISAPNP_VENDOR('@', '@', '@'), 0, 2 },  /* letters 0: '@' */
	{ 0 }
};
MODULE_DEVICE_TABLE(isapnp, isapnp_ids);
