// SPDX-License-Identifier: LGPL-2.1-or-later
/* of_device_id from 4.7 on: two aliases per entry, C only with a compatible, whitespace to '_'. */
#include "module.h"

struct of_device_id {
	char name[32];
	char type[32];
	char compatible[128];
	const void *data;
};
MODULE_NAME("types_of");
MODULE_VERMAGIC("6.1.0-13-amd64");

const struct of_device_id ids[] = {
	{ .compatible = "vendor,chip" },
	{ .name = "cpu", .type = "cpu" },
	{ .type = "serial", .compatible = "ns16550 a\tb" },
	{ .name = "n", .compatible = "x,y" },
	/* a name filling its array without a NUL: modpost's %s runs on into type */
	{ .name = "0123456789abcdef0123456789abcdef", .type = "t" },
	{ 0 }
};
MODULE_DEVICE_TABLE(of, ids);
