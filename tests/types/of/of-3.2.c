// SPDX-License-Identifier: LGPL-2.1-or-later
/* Before 3.9: one alias with the wildcard, C only with a compatible; __mod_of_device_table. */
#include "module.h"

struct of_device_id {
	char name[32];
	char type[32];
	char compatible[128];
	void *data;
};
MODULE_NAME("types_of_32");
MODULE_VERMAGIC("3.2.0-4-amd64");

const struct of_device_id ids[] = {
	{ .compatible = "a,b" },
	{ .name = "x" },
	{ .type = "dt", .compatible = "c" },
	{ 0 }
};
MODULE_DEVICE_TABLE_OLD(of, ids);
