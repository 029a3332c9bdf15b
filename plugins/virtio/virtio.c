// SPDX-License-Identifier: LGPL-2.1-or-later
/* virtio: virtio_device_id tables, "virtio:d%08Xv%08X*" (examples/plugin-virtio is the out-of-tree twin). */
#include <busalias/plugin.h>

/* Unchanged 3.0-7.3. */
#define VIRTIO_ID(F, V, p) \
	F(p, U32, device)  \
	F(p, U32, vendor)
BA_STRUCT(virtio, VIRTIO_ID);

/* VIRTIO_DEV_ANY_ID 0xffffffff */
static const struct ba_part virtio_parts[] = {
	BA_HEX("d", virtio_device, ONES),
	BA_HEX("v", virtio_vendor, ONES),
};

static const struct ba_table_type virtio_table =
	BA_TABLE(virtio, "virtio", "virtio_device_id", BA_ALIAS("virtio:", BA_ALIAS_WILDCARD, virtio_parts));
static const struct ba_table_type *const virtio_tables[] = { &virtio_table, NULL };

BUSALIAS_PLUGIN(
	.name = "virtio",
	.description = "virtio device tables",
	.tables = virtio_tables);
