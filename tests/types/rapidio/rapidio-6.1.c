// SPDX-License-Identifier: LGPL-2.1-or-later
/* The same struct under the 3.15-6.12 symbol spelling. */
#include "module.h"

struct rio_device_id {
	__u16 did, vid;
	__u16 asm_did, asm_vid;
};
MODULE_NAME("types_rapidio_61");
MODULE_VERMAGIC("6.1.0-13-amd64");

const struct rio_device_id ids[] = {
	{ 0xffff, 0x0038, 0xffff, 0xffff },
	{ 0 }
};
MODULE_DEVICE_TABLE(rapidio, ids);
