// SPDX-License-Identifier: LGPL-2.1-or-later
/* rio_device_id (did, vid, asm_did, asm_vid): "rapidio:v%04Xd%04Xav%04Xad%04X*", 0xffff = '*'. */
#include "module.h"

struct rio_device_id {
	__u16 did, vid;
	__u16 asm_did, asm_vid;
};
MODULE_NAME("types_rapidio");
MODULE_VERMAGIC("3.11.0");

const struct rio_device_id ids[] = {
	{ 0x0374, 0x0038, 0xffff, 0xffff },   /* did 0x374 vendor 0x38: vendor printed first */
	{ 0xffff, 0xffff, 0x0001, 0x0002 },
	{ 0x0000, 0x0001, 0x0000, 0x0000 },
	{ 0 }
};
MODULE_DEVICE_TABLE_OLD(rapidio, ids);
