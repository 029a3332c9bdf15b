// SPDX-License-Identifier: LGPL-2.1-or-later
/* PCI: pci_device_id tables and the pci bus. */
#include <busalias/plugin.h>

#include "pci-bus.h"

#define PCI_ANY_ID 0xffffffffu
#define PCI_ID_F_VFIO_DRIVER_OVERRIDE 1

#define PCI_ID(F, V, p)                   \
	F(p, U32, vendor)                 \
	F(p, U32, device)                 \
	F(p, U32, subvendor)              \
	F(p, U32, subdevice)              \
	F(p, U32, class)                  \
	F(p, U32, class_mask)             \
	F(p, ULONG, driver_data)          \
	F(p, U32, override_only, .since = BA_KVER(5, 15, 0))  /* vfio_ aliases */
BA_STRUCT(pci, PCI_ID);

static int format_pci(struct ba_out *out, const struct ba_entry *e)
{
	const struct ba_value *v = e->v;
	uint32_t cls = (uint32_t)v[pci_class].u, mask = (uint32_t)v[pci_class_mask].u;
	struct ba_alias a;

	switch (v[pci_override_only].u) {
	case 0:
		ba_alias_init(&a, "pci:");
		break;
	case PCI_ID_F_VFIO_DRIVER_OVERRIDE:
		ba_alias_init(&a, "vfio_pci:");
		break;
	default:
		ba_warnf(out, "unknown override_only value %08llX, entry skipped",
			 (unsigned long long)v[pci_override_only].u);
		return 0;
	}
	/* The alias can only express whole class bytes: matched exactly, or not at all. */
	for (int shift = 16; shift >= 0; shift -= 8) {
		unsigned m = (mask >> shift) & 0xff;
		if (m != 0 && m != 0xff) {
			ba_warnf(out, "class_mask %08X has partial bytes, entry skipped", mask);
			return 0;
		}
	}
	ba_alias_add_hex(&a, "v", v[pci_vendor].u != PCI_ANY_ID, v[pci_vendor].u, 8);
	ba_alias_add_hex(&a, "d", v[pci_device].u != PCI_ANY_ID, v[pci_device].u, 8);
	ba_alias_add_hex(&a, "sv", v[pci_subvendor].u != PCI_ANY_ID, v[pci_subvendor].u, 8);
	ba_alias_add_hex(&a, "sd", v[pci_subdevice].u != PCI_ANY_ID, v[pci_subdevice].u, 8);
	ba_alias_add_hex(&a, "bc", (mask >> 16 & 0xff) == 0xff, cls >> 16 & 0xff, 2);
	ba_alias_add_hex(&a, "sc", (mask >> 8 & 0xff) == 0xff, cls >> 8 & 0xff, 2);
	ba_alias_add_hex(&a, "i", (mask & 0xff) == 0xff, cls & 0xff, 2);
	ba_alias_wildcard(&a);
	return ba_alias_emit(out, &a) < 0 ? 0 : 1;
}

static const struct ba_table_type pci_table = BA_TABLE(pci, "pci", "pci_device_id", .format = format_pci);
static const struct ba_table_type *const pci_tables[] = { &pci_table, NULL };

BUSALIAS_PLUGIN(
	.name = "pci",
	.description = "PCI device tables and pci bus binding",
	.tables = pci_tables,
	.bus = PCI_BUS_OPS);
