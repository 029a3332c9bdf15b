// SPDX-License-Identifier: LGPL-2.1-or-later
/* spi in a 3.2 module (__mod_spi_device_table). */
#include "module.h"

struct spi_device_id {
	char name[32];
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_spi_32");
MODULE_VERMAGIC("3.2.0-4-amd64");

const struct spi_device_id ids[] = {
	{ "ads7846", 0 },
	{ 0 }
};
MODULE_DEVICE_TABLE_OLD(spi, ids);
