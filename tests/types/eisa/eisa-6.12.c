// SPDX-License-Identifier: LGPL-2.1-or-later
/* 6.12+: the dead branch is gone; same output (6.13 symbol). */
#include "module.h"

struct eisa_device_id {
	char sig[8];
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_eisa_612");
MODULE_VERMAGIC("6.12.0-1-686");

const struct eisa_device_id ids[] = {
	{ "", 1 },
	{ "NPI0303", 2 },
	{ 0 }
};
MODULE_DEVICE_TABLE_613(eisa, ids);
