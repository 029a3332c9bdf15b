// SPDX-License-Identifier: LGPL-2.1-or-later
/* spi_device_id: names, empty and full-length. */
#include "module.h"

struct spi_device_id {
	char name[32];
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_spi");
MODULE_VERMAGIC("6.1.0-13-amd64");

const struct spi_device_id ids[] = {
	{ "m25p80", 0 },
	{ "", 0 },
	{ "0123456789abcdef0123456789abcdef", 5 },   /* 32 bytes, no NUL: printed up to the array's end */
	{ 0 }
};
MODULE_DEVICE_TABLE(spi, ids);
