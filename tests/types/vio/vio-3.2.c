// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 3.2 module: the symbol of 3.14 and before; an entry with both strings empty. */
#include "module.h"

struct vio_device_id {
	char type[32];
	char compat[32];
};
MODULE_NAME("types_vio_3");
MODULE_VERMAGIC("3.2.0-4-powerpc64");

const struct vio_device_id ids[] = {
	{ "serial", "hvterm1" },
	{ "", "" },
	{ 0 }
};
MODULE_DEVICE_TABLE_OLD(vio, ids);
