// SPDX-License-Identifier: LGPL-2.1-or-later
/* pci_device_id before 5.15: no override_only. */
#include "module.h"

struct pci_device_id {
	__u32 vendor, device, subvendor, subdevice, class, class_mask;
	kernel_ulong_t driver_data;
};
MODULE_NAME("types_pci_old");
MODULE_VERMAGIC("5.10.0-28-amd64");

const struct pci_device_id ids[] = {
	{ 0x10ec, 0x8139, ~0u, ~0u, 0, 0, 1 },
	{ ~0u, ~0u, ~0u, ~0u, 0x030000, 0xff0000, 0x12345678 },
	{ 0 }
};
MODULE_DEVICE_TABLE(pci, ids);
