// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 6.6 module: modpost learned vchiq tables in 6.7, so no aliases. */
#include "module.h"

struct vchiq_device_id {
	char name[32];
};
MODULE_NAME("types_vchiq_66");
MODULE_VERMAGIC("6.6.47");

const struct vchiq_device_id ids[] = {
	{ "bcm2835-audio" },
	{ "" }
};
MODULE_DEVICE_TABLE(vchiq, ids);
