// SPDX-License-Identifier: LGPL-2.1-or-later
/* vio_device_id (unchanged 3.0-7.3): empty strings, whitespace, a type without NUL. */
#include "module.h"

struct vio_device_id {
	char type[32];
	char compat[32];
};
MODULE_NAME("types_vio");
MODULE_VERMAGIC("6.1.0-13-powerpc64le");

const struct vio_device_id ids[] = {
	{ "network", "IBM,l-lan" },
	{ "", "IBM,vmc" },
	{ "vscsi", "" },
	{ "a b\tc", "x\ny z" },
	{ "0123456789abcdef0123456789abcdef", "IBM,v-tpm" },  /* 32 characters: no NUL */
	{ "last", "" },
	{ 0 }
};
MODULE_DEVICE_TABLE(vio, ids);
