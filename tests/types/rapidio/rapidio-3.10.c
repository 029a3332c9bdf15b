// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 3.10 module: modpost learned rapidio tables in 3.11, so no aliases. */
#include "module.h"

struct rio_device_id {
	__u16 did, vid;
	__u16 asm_did, asm_vid;
};
MODULE_NAME("types_rapidio_310");
MODULE_VERMAGIC("3.10.0");

const struct rio_device_id ids[] = {
	{ 0x0374, 0x0038, 0xffff, 0xffff },
	{ 0 }
};
MODULE_DEVICE_TABLE_OLD(rapidio, ids);
