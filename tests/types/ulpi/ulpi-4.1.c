// SPDX-License-Identifier: LGPL-2.1-or-later
/* Before 4.2 modpost did not know ulpi: no aliases. */
#include "module.h"

struct ulpi_device_id {
	__u16 vendor, product;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_ulpi_41");
MODULE_VERMAGIC("4.1.0-2-amd64");

const struct ulpi_device_id ids[] = {
	{ 0x0451, 0x1508, 0 },
	{ 0 }
};
MODULE_DEVICE_TABLE(ulpi, ids);
