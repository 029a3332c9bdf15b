// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 3.2 module: the symbol of 3.14 and before. */
#include "module.h"

struct virtio_device_id {
	__u32 device, vendor;
};
MODULE_NAME("types_virtio_3");
MODULE_VERMAGIC("3.2.0-4-amd64");

const struct virtio_device_id ids[] = {
	{ 2, 0xffffffff },
	{ 0 }
};
MODULE_DEVICE_TABLE_OLD(virtio, ids);
