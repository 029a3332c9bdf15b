// SPDX-License-Identifier: LGPL-2.1-or-later
/* ACPI: acpi_device_id tables; devices are bound through their physical node. */
#include <busalias/plugin.h>

extern const struct ba_bus_ops acpi_bus_ops;

enum { ID, DRIVER_DATA, CLS, CLS_MSK, N_SLOTS };

#define ACPI_FIELDS(id_len)                                        \
	BA_CHARS(ID, "id", id_len), BA_ULONG(DRIVER_DATA, "driver_data"), \
	BA_U32(CLS, "cls"), BA_U32(CLS_MSK, "cls_msk")

static const struct ba_field acpi_id_v1[] = { ACPI_FIELDS(9) };
/* Linux 5.18 grew ACPI_ID_LEN from 9 to 16. */
static const struct ba_field acpi_id_v2[] = { ACPI_FIELDS(16) };

static const struct ba_layout acpi_layouts[] = {
	{ .since = 0, .n_fields = BA_COUNT(acpi_id_v1), .fields = acpi_id_v1 },
	{ .since = BA_KVER(5, 18, 0), .n_fields = BA_COUNT(acpi_id_v2), .fields = acpi_id_v2 },
};

static int format_acpi(struct ba_out *out, const struct ba_entry *e)
{
	const struct ba_value *v = e->v;
	uint32_t cls = (uint32_t)v[CLS].u, msk = (uint32_t)v[CLS_MSK].u;
	char alias[BA_ALIAS_MAX] = "acpi*:";
	int shift;

	if (v[ID].str[0])
		return ba_emitf(out, "acpi*:%s:*", v[ID].str) < 0 ? -1 : 1;

	/* No id: match by PCI-style class code, "??" for each unmasked byte. */
	for (shift = 16; shift >= 0; shift -= 8) {
		size_t used = strlen(alias);
		if (msk >> shift & 0xff)
			snprintf(alias + used, sizeof(alias) - used, "%02x", cls >> shift & 0xff);
		else
			snprintf(alias + used, sizeof(alias) - used, "??");
	}
	return ba_emitf(out, "%s:*", alias) < 0 ? -1 : 1;
}

static const struct ba_table_type acpi_table = BA_TABLE_TYPE(
	.type = "acpi",
	.struct_name = "acpi_device_id",
	.n_slots = N_SLOTS,
	.n_layouts = BA_COUNT(acpi_layouts),
	.layouts = acpi_layouts,
	.format = format_acpi);

static const struct ba_table_type *const acpi_tables[] = { &acpi_table, NULL };

BUSALIAS_PLUGIN(
	.name = "acpi",
	.description = "ACPI device tables and ACPI device binding",
	.tables = acpi_tables,
	.bus = &acpi_bus_ops);
