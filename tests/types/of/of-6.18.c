// SPDX-License-Identifier: LGPL-2.1-or-later
/* of_device_id in a 6.18 module (static __mod_device_table__kmod_ symbol). */
#include "module.h"

struct of_device_id {
	char name[32];
	char type[32];
	char compatible[128];
	const void *data;
};
MODULE_NAME("types_of_618");
MODULE_VERMAGIC("6.18.0-1-amd64");

const struct of_device_id ids[] = {
	{ .compatible = "acme,widget-v2" },
	{ 0 }
};
MODULE_DEVICE_TABLE_618(types_of_618, of, ids);
