// SPDX-License-Identifier: LGPL-2.1-or-later
#include "sample-module.h"

MODINFO(name, "sample_pci");
MODINFO(vermagic, "6.1.0-13-amd64 SMP preempt mod_unload modversions ");

const struct pci_device_id sample_pci_ids[] = {
	{ 0x8086, 0x100e, PCI_ANY_ID, PCI_ANY_ID, 0, 0, 0, 0 },
	{ 0x15b3, 0x1021, PCI_ANY_ID, PCI_ANY_ID, 0, 0, 0, 1 },            /* override-only: vfio_pci: */
	{ PCI_ANY_ID, PCI_ANY_ID, PCI_ANY_ID, PCI_ANY_ID, 0x0c0330, 0xffffff, 0, 0 },
	{ 0x1af4, PCI_ANY_ID, 0x1af4, 0x0001, 0x020000, 0xffff00, 0, 0 },
	{ 0x8086, 0x100e, PCI_ANY_ID, PCI_ANY_ID, 0, 0, 0, 0 },            /* duplicate: printed once */
	{ 0 }
};
MODULE_DEVICE_TABLE(pci, sample_pci_ids);
