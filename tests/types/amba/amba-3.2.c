// SPDX-License-Identifier: LGPL-2.1-or-later
/* Before 3.3 modpost did not know amba: no aliases. */
#include "module.h"

struct amba_id {
	unsigned int id, mask;
	void *data;
};
MODULE_NAME("types_amba_32");
MODULE_VERMAGIC("3.2.0-4-amd64");

const struct amba_id ids[] = {
	{ 0x00041061, 0x000fffff, 0 },
	{ 0 }
};
MODULE_DEVICE_TABLE_OLD(amba, ids);
