// SPDX-License-Identifier: LGPL-2.1-or-later
/* amba_id: whole, absent and partial nibble masks.  (An id with masked-off bits set stops modpost; busalias
 * warns and skips the entry: not here, as check.sh wants no warnings.) */
#include "module.h"

struct amba_id {
	unsigned int id, mask;
	void *data;
};
MODULE_NAME("types_amba");
MODULE_VERMAGIC("6.1.0-13-amd64");

const struct amba_id ids[] = {
	{ 0x00041061, 0x000fffff, 0 },
	{ 0x00000010, 0x000000f3, 0 },
	{ 0xabcdef12, 0xffffffff, 0 },
	{ 0x00000000, 0x00000000, 0 },
	{ 0x00000008, 0x00000009, 0 },
	{ 0 }
};
MODULE_DEVICE_TABLE(amba, ids);
