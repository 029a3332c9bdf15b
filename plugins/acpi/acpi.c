// SPDX-License-Identifier: LGPL-2.1-or-later
/* ACPI: acpi_device_id tables; devices are bound through their physical node. */
#include <busalias/plugin.h>

extern const struct ba_bus_ops acpi_bus_ops;

/* ACPI_ID_LEN was 16, 9 from 3.9, 16 again from 5.18; the class match came in 4.2. */
#define ACPI_ID(F, V, p)                                                                      \
	F(p, CHARS, id, .count = 16, .until = BA_KVER(3, 9, 0))                               \
	V(p, CHARS, id, .count = 9, .since = BA_KVER(3, 9, 0), .until = BA_KVER(5, 18, 0))   \
	V(p, CHARS, id, .count = 16, .since = BA_KVER(5, 18, 0))                              \
	F(p, ULONG, driver_data)                                                              \
	F(p, U32, cls, .since = BA_KVER(4, 2, 0))                                             \
	F(p, U32, cls_msk, .since = BA_KVER(4, 2, 0))
BA_STRUCT(acpi, ACPI_ID);

static int format_acpi(struct ba_out *out, const struct ba_entry *e)
{
	const struct ba_value *v = e->v;
	uint32_t cls = (uint32_t)v[acpi_cls].u, msk = (uint32_t)v[acpi_cls_msk].u;
	struct ba_alias a;

	/* Before 4.2 every entry is its id, even an empty one. */
	if (v[acpi_id].str[0] || !v[acpi_cls].present) {
		ba_alias_init(&a, "acpi*:");
		ba_alias_add(&a, v[acpi_id].str);
		ba_alias_add(&a, ":*");
		return ba_alias_emit(out, &a) < 0 ? 0 : 1;
	}
	/* No id: match by PCI-style class code, "??" for each unmasked byte. */
	ba_alias_init(&a, "acpi*:");
	for (int shift = 16; shift >= 0; shift -= 8) {
		if (msk >> shift & 0xff)
			ba_alias_hex(&a, cls >> shift & 0xff, 2, 1);
		else
			ba_alias_add(&a, "??");
	}
	ba_alias_add(&a, ":*");
	return ba_alias_emit(out, &a) < 0 ? 0 : 1;
}

static const struct ba_table_type acpi_table = BA_TABLE(acpi, "acpi", "acpi_device_id", .format = format_acpi);
static const struct ba_table_type *const acpi_tables[] = { &acpi_table, NULL };

BUSALIAS_PLUGIN(
	.name = "acpi",
	.description = "ACPI device tables and ACPI device binding",
	.tables = acpi_tables,
	.bus = &acpi_bus_ops);
