// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * An out-of-tree bus plugin, built only against the installed SDK:
 * virtio_device_id tables -> "virtio:d<device>v<vendor>*" aliases.
 *   cc -shared $(pkg-config --cflags busalias-plugin) $(pkg-config --variable=plugin_cflags busalias-plugin) \
 *      -o virtio.so virtio.c
 * busalias now ships a virtio plugin of its own (plugins/virtio): the loader keeps one plugin per
 * table type, so load this one from a plugin directory without the stock virtio.so.
 */
#include <busalias/plugin.h>

/* struct virtio_device_id { __u32 device; __u32 vendor; }, VIRTIO_DEV_ANY_ID = 0xffffffff */
#define VIRTIO_ID(F, V, p) \
	F(p, U32, device)  \
	F(p, U32, vendor)
BA_STRUCT(virtio, VIRTIO_ID);

static const struct ba_part virtio_parts[] = {
	BA_HEX("d", virtio_device, ONES),
	BA_HEX("v", virtio_vendor, ONES),
};

static const struct ba_table_type virtio_table = BA_TABLE(virtio, "virtio", "virtio_device_id",
	BA_ALIAS("virtio:", BA_ALIAS_WILDCARD, virtio_parts));
static const struct ba_table_type *const virtio_tables[] = { &virtio_table, NULL };

BUSALIAS_PLUGIN(
	.name = "virtio",
	.description = "virtio device tables (SDK example)",
	.tables = virtio_tables);
