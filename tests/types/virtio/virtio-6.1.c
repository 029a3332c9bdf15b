// SPDX-License-Identifier: LGPL-2.1-or-later
/* virtio_device_id (unchanged 3.0-7.3): VIRTIO_DEV_ANY_ID in each member. */
#include "module.h"

struct virtio_device_id {
	__u32 device, vendor;
};
MODULE_NAME("types_virtio");
MODULE_VERMAGIC("6.1.0-13-amd64");

const struct virtio_device_id ids[] = {
	{ 1, 0xffffffff },
	{ 0x1af4, 0x1af4 },
	{ 0xffffffff, 0x554d4551 },
	{ 0xffffffff, 0xffffffff },
	{ 0 }
};
MODULE_DEVICE_TABLE(virtio, ids);
