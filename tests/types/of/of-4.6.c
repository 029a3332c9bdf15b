// SPDX-License-Identifier: LGPL-2.1-or-later
/* 4.6: two aliases per entry, and still the 3.9 bug that prints C even without a compatible. */
#include "module.h"

struct of_device_id {
	char name[32];
	char type[32];
	char compatible[128];
	const void *data;
};
MODULE_NAME("types_of_46");
MODULE_VERMAGIC("4.6.0-1-amd64");

const struct of_device_id ids[] = {
	{ .compatible = "a,b" },
	{ .name = "x" },
	{ .type = "dt" },
	{ 0 }
};
MODULE_DEVICE_TABLE(of, ids);
