// SPDX-License-Identifier: LGPL-2.1-or-later
/* pci_device_id of 5.15+ (override_only): every format branch. */
#include "module.h"

struct pci_device_id {
	__u32 vendor, device, subvendor, subdevice, class, class_mask;
	kernel_ulong_t driver_data;
	__u32 override_only;
};
MODULE_NAME("types_pci");
MODULE_VERMAGIC("6.1.0-13-amd64");

const struct pci_device_id ids[] = {
	{ 0x8086, 0x100e, ~0u, ~0u, 0, 0, 0, 0 },
	{ 0x15b3, 0x1021, ~0u, ~0u, 0, 0, 0, 1 },
	{ ~0u, ~0u, ~0u, ~0u, 0x0c0330, 0xffffff, 0, 0 },
	{ 0x1af4, ~0u, 0x1af4, 0x0001, 0x020000, 0xffff00, 0, 0 },
	{ 0 }
};
MODULE_DEVICE_TABLE(pci, ids);
