// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * An out-of-tree bus plugin, built only against the installed SDK:
 * virtio_device_id tables -> "virtio:d<device>v<vendor>*" aliases.
 *   cc -shared $(pkg-config --cflags busalias-plugin) $(pkg-config --variable=plugin_cflags busalias-plugin) \
 *      -o virtio.so virtio.c
 */
#include <busalias/plugin.h>

enum { DEVICE, VENDOR, N_SLOTS };

#define VIRTIO_DEV_ANY_ID 0xffffffffu

static const struct ba_field virtio_id[] = {
	BA_U32(DEVICE, "device"),
	BA_U32(VENDOR, "vendor"),
};

static const struct ba_layout virtio_layouts[] = {
	{ .since = 0, .n_fields = BA_COUNT(virtio_id), .fields = virtio_id },
};

static int format_virtio(struct ba_out *out, const struct ba_entry *e)
{
	char alias[BA_ALIAS_MAX] = "virtio:";

	ba_add_hex(alias, sizeof(alias), "d", e->v[DEVICE].u != VIRTIO_DEV_ANY_ID, e->v[DEVICE].u, 8);
	ba_add_hex(alias, sizeof(alias), "v", e->v[VENDOR].u != VIRTIO_DEV_ANY_ID, e->v[VENDOR].u, 8);
	ba_add_wildcard(alias, sizeof(alias));
	return ba_emitf(out, "%s", alias) < 0 ? -1 : 1;
}

static const struct ba_table_type virtio_table = BA_TABLE_TYPE(
	.type = "virtio",
	.struct_name = "virtio_device_id",
	.n_slots = N_SLOTS,
	.n_layouts = BA_COUNT(virtio_layouts),
	.layouts = virtio_layouts,
	.format = format_virtio);

static const struct ba_table_type *const virtio_tables[] = { &virtio_table, NULL };

BUSALIAS_PLUGIN(
	.name = "virtio",
	.description = "virtio device tables (SDK example)",
	.tables = virtio_tables);
