// SPDX-License-Identifier: LGPL-2.1-or-later
/* Hyper-V VMBus: hv_vmbus_device_id tables (modpost knows them since 3.2). */
#include <busalias/plugin.h>

/* guid: __u8[16], then uuid_le (4.6), then guid_t (5.8): always 16 bytes at offset 0. */
#define VMBUS_ID(F, V, p)                   \
	F(p, BYTES, guid, .count = 16)      \
	F(p, ULONG, driver_data)
BA_STRUCT(vmbus, VMBUS_ID);

/* "vmbus:" and the 16 guid bytes as lower-case %02x in memory order; no wildcard. */
static int format_vmbus(struct ba_out *out, const struct ba_entry *e)
{
	const uint8_t *g = e->v[vmbus_guid].raw;
	struct ba_alias a;

	ba_alias_init(&a, "vmbus:");
	for (unsigned i = 0; i < 16; i++)
		ba_alias_hex(&a, g[i], 2, 1);
	return ba_alias_emit(out, &a) < 0 ? 0 : 1;
}

static const struct ba_table_type vmbus_table = BA_TABLE(vmbus, "vmbus", "hv_vmbus_device_id",
	.since = BA_KVER(3, 2, 0), .format = format_vmbus);
static const struct ba_table_type *const vmbus_tables[] = { &vmbus_table, NULL };

BUSALIAS_PLUGIN(.name = "vmbus", .description = "Hyper-V VMBus device tables", .tables = vmbus_tables);
