// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 3.10 module: the symbol spelling of 3.14 and before (__mod_pci_device_table). */
#include "module.h"

struct pci_device_id {
	__u32 vendor, device, subvendor, subdevice, class, class_mask;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_pci_3");
MODULE_VERMAGIC("3.10.0-1160.el7.x86_64");

const struct pci_device_id ids[] = {
	{ 0x10ec, 0x8139, ~0u, ~0u, 0, 0, 1 },
	{ ~0u, ~0u, ~0u, ~0u, 0x030000, 0xff0000, 0x12345678 },
	{ 0 }
};
MODULE_DEVICE_TABLE_OLD(pci, ids);
