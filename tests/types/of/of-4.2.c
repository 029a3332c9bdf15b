// SPDX-License-Identifier: LGPL-2.1-or-later
/* 3.9-4.5: one alias with the wildcard, C always printed (compatible test always true). */
#include "module.h"

struct of_device_id {
	char name[32];
	char type[32];
	char compatible[128];
	const void *data;
};
MODULE_NAME("types_of_42");
MODULE_VERMAGIC("4.2.0-1-amd64");

const struct of_device_id ids[] = {
	{ .compatible = "a,b" },
	{ .name = "x" },
	{ .type = "dt" },
	{ .name = "my node", .type = "dt", .compatible = "c" },
	{ 0 }
};
MODULE_DEVICE_TABLE(of, ids);
