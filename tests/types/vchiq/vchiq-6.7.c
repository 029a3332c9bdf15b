// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 6.7 module: the first kernel whose modpost knows vchiq tables. */
#include "module.h"

struct vchiq_device_id {
	char name[32];
};
MODULE_NAME("types_vchiq_67");
MODULE_VERMAGIC("6.7.0");

const struct vchiq_device_id ids[] = {
	{ "bcm2835-isp" },
	{ "" }
};
MODULE_DEVICE_TABLE(vchiq, ids);
