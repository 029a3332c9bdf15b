// SPDX-License-Identifier: LGPL-2.1-or-later
/* 6.18+: the static symbol with the module name. */
#include "module.h"

struct virtio_device_id {
	__u32 device, vendor;
};
MODULE_NAME("types_virtio_618");
MODULE_VERMAGIC("6.18.0-1-amd64");

const struct virtio_device_id ids[] = {
	{ 0x10, 0 },
	{ 0 }
};
MODULE_DEVICE_TABLE_618(types_virtio_618, virtio, ids);
