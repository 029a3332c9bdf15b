// SPDX-License-Identifier: LGPL-2.1-or-later
/* PCI: pci_device_id tables and the pci bus. */
#include <busalias/plugin.h>

#include "pci-bus.h"

enum { VENDOR, DEVICE, SUBVENDOR, SUBDEVICE, CLASS, CLASS_MASK, DRIVER_DATA, OVERRIDE_ONLY, N_SLOTS };

#define PCI_ANY_ID 0xffffffffu
#define PCI_ID_F_VFIO_DRIVER_OVERRIDE 1

#define PCI_ID_COMMON                                          \
	BA_U32(VENDOR, "vendor"), BA_U32(DEVICE, "device"),        \
	BA_U32(SUBVENDOR, "subvendor"), BA_U32(SUBDEVICE, "subdevice"), \
	BA_U32(CLASS, "class"), BA_U32(CLASS_MASK, "class_mask"),  \
	BA_ULONG(DRIVER_DATA, "driver_data")

static const struct ba_field pci_id_v1[] = { PCI_ID_COMMON };
/* Linux 5.15 added override_only (vfio_ aliases). */
static const struct ba_field pci_id_v2[] = { PCI_ID_COMMON, BA_U32(OVERRIDE_ONLY, "override_only") };

static const struct ba_layout pci_layouts[] = {
	{ .since = 0, .n_fields = BA_COUNT(pci_id_v1), .fields = pci_id_v1 },
	{ .since = BA_KVER(5, 15, 0), .n_fields = BA_COUNT(pci_id_v2), .fields = pci_id_v2 },
};

static int format_pci(struct ba_out *out, const struct ba_entry *e)
{
	const struct ba_value *v = e->v;
	uint32_t cls = (uint32_t)v[CLASS].u, mask = (uint32_t)v[CLASS_MASK].u;
	char alias[BA_ALIAS_MAX];
	int shift;

	switch (v[OVERRIDE_ONLY].u) {
	case 0:
		strcpy(alias, "pci:");
		break;
	case PCI_ID_F_VFIO_DRIVER_OVERRIDE:
		strcpy(alias, "vfio_pci:");
		break;
	default:
		ba_warnf(out, "unknown override_only value %08llX, entry skipped",
			 (unsigned long long)v[OVERRIDE_ONLY].u);
		return 0;
	}

	/* The alias can only express whole class bytes: matched exactly, or not at all. */
	for (shift = 16; shift >= 0; shift -= 8) {
		unsigned m = (mask >> shift) & 0xff;
		if (m != 0 && m != 0xff) {
			ba_warnf(out, "class_mask %08X has partial bytes, entry skipped", mask);
			return 0;
		}
	}

	ba_add_hex(alias, sizeof(alias), "v", v[VENDOR].u != PCI_ANY_ID, v[VENDOR].u, 8);
	ba_add_hex(alias, sizeof(alias), "d", v[DEVICE].u != PCI_ANY_ID, v[DEVICE].u, 8);
	ba_add_hex(alias, sizeof(alias), "sv", v[SUBVENDOR].u != PCI_ANY_ID, v[SUBVENDOR].u, 8);
	ba_add_hex(alias, sizeof(alias), "sd", v[SUBDEVICE].u != PCI_ANY_ID, v[SUBDEVICE].u, 8);
	ba_add_hex(alias, sizeof(alias), "bc", (mask >> 16 & 0xff) == 0xff, cls >> 16 & 0xff, 2);
	ba_add_hex(alias, sizeof(alias), "sc", (mask >> 8 & 0xff) == 0xff, cls >> 8 & 0xff, 2);
	ba_add_hex(alias, sizeof(alias), "i", (mask & 0xff) == 0xff, cls & 0xff, 2);
	ba_add_wildcard(alias, sizeof(alias));
	return ba_emitf(out, "%s", alias) < 0 ? -1 : 1;
}

static const struct ba_table_type pci_table = BA_TABLE_TYPE(
	.type = "pci",
	.struct_name = "pci_device_id",
	.n_slots = N_SLOTS,
	.n_layouts = BA_COUNT(pci_layouts),
	.layouts = pci_layouts,
	.format = format_pci);

static const struct ba_table_type *const pci_tables[] = { &pci_table, NULL };

BUSALIAS_PLUGIN(
	.name = "pci",
	.description = "PCI device tables and pci bus binding",
	.tables = pci_tables,
	.bus = PCI_BUS_OPS);
