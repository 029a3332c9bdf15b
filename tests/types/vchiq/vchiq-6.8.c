// SPDX-License-Identifier: LGPL-2.1-or-later
/* vchiq_device_id (name[32] only): "vchiq:<name>". */
#include "module.h"

struct vchiq_device_id {
	char name[32];
};
MODULE_NAME("types_vchiq");
MODULE_VERMAGIC("6.8.0");

const struct vchiq_device_id ids[] = {
	{ "bcm2835-audio" },
	{ "bcm2835-camera" },
	{ "" }
};
MODULE_DEVICE_TABLE(vchiq, ids);
