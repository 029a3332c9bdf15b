// SPDX-License-Identifier: LGPL-2.1-or-later
/* mdio in a 3.2 module (__mod_mdio_device_table). */
#include "module.h"

struct mdio_device_id {
	__u32 phy_id, phy_id_mask;
};
MODULE_NAME("types_mdio_32");
MODULE_VERMAGIC("3.2.0-4-amd64");

const struct mdio_device_id ids[] = {
	{ 0x0022161a, 0x00fffff0 },
	{ 0 }
};
MODULE_DEVICE_TABLE_OLD(mdio, ids);
