// SPDX-License-Identifier: LGPL-2.1-or-later
/* A virtio table, for the out-of-tree SDK example plugin; 6.18-style local table symbol. */
#include "sample-module.h"

MODINFO(name, "sample_virtio");
MODINFO(vermagic, "6.18.0 SMP preempt mod_unload ");

struct virtio_device_id {
	unsigned int device, vendor;
};

static const struct virtio_device_id sample_virtio_ids[] = {
	{ 1, 0xffffffff },
	{ 0x1af4, 0x1af4 },
	{ 0 }
};
/* Local, as MODULE_DEVICE_TABLE() makes it since 6.18. */
static const struct virtio_device_id __mod_device_table__kmod_sample_virtio__virtio__sample_virtio_ids
	__attribute__((alias("sample_virtio_ids"), used));
