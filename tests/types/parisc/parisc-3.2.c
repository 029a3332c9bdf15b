// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 3.2 module: the symbol of 3.14 and before. */
#include "module.h"

struct parisc_device_id {
	__u8 hw_type, hversion_rev;
	__u16 hversion;
	__u32 sversion;
};
MODULE_NAME("types_parisc_3");
MODULE_VERMAGIC("3.2.0-4-parisc");

const struct parisc_device_id ids[] = {
	{ 0x0a, 0xff, 0xffff, 0x0008c },
	{ 0 }
};
MODULE_DEVICE_TABLE_OLD(parisc, ids);
