// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 3.2 module: the symbol of 3.14 and before.  (An empty sig, which modpost 3.0-3.8 strcat()ed onto
 * an uninitialised buffer, is reported and skipped: a warning, so not here, where gen must exit 0.) */
#include "module.h"

struct eisa_device_id {
	char sig[8];
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_eisa_3");
MODULE_VERMAGIC("3.2.0-4-486");

const struct eisa_device_id ids[] = {
	{ "CPQ4410", 0 },
	{ "CPQ4411", 2 },
	{ 0 }
};
MODULE_DEVICE_TABLE_OLD(eisa, ids);
