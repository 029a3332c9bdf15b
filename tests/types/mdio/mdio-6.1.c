// SPDX-License-Identifier: LGPL-2.1-or-later
/* mdio_device_id: one character per bit, '?' where the mask bit is clear. */
#include "module.h"

struct mdio_device_id {
	__u32 phy_id, phy_id_mask;
};
MODULE_NAME("types_mdio");
MODULE_VERMAGIC("6.1.0-13-amd64");

const struct mdio_device_id ids[] = {
	{ 0x01410c90, 0xfffffff0 },
	{ 0xffffffff, 0xffffffff },
	{ 0x12345678, 0x00000000 },
	{ 0x80000001, 0x80000001 },
	{ 0 }
};
MODULE_DEVICE_TABLE(mdio, ids);
