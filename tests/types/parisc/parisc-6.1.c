// SPDX-License-Identifier: LGPL-2.1-or-later
/* parisc_device_id (unchanged 3.0-7.3): each field's "any" value. */
#include "module.h"

struct parisc_device_id {
	__u8 hw_type, hversion_rev;
	__u16 hversion;
	__u32 sversion;
};
MODULE_NAME("types_parisc");
MODULE_VERMAGIC("6.1.0-13-parisc");

const struct parisc_device_id ids[] = {
	{ 0x0a, 0xff, 0xffff, 0x00081 },
	{ 0xff, 0x01, 0x0580, 0xffffffff },
	{ 0x04, 0x00, 0x0000, 0x00000 },
	{ 0xff, 0xff, 0xffff, 0xffffffff },
	{ 0x0b, 0x02, 0x4321, 0xfedcba98 },
	{ 0 }
};
MODULE_DEVICE_TABLE(parisc, ids);
