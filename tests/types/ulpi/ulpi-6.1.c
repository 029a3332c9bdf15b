// SPDX-License-Identifier: LGPL-2.1-or-later
/* ulpi_device_id: lower-case hex, no "any". */
#include "module.h"

struct ulpi_device_id {
	__u16 vendor, product;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_ulpi");
MODULE_VERMAGIC("6.1.0-13-amd64");

const struct ulpi_device_id ids[] = {
	{ 0x0451, 0x1508, 0 },
	{ 0xabcd, 0x0000, 1 },
	{ 0 }
};
MODULE_DEVICE_TABLE(ulpi, ids);
