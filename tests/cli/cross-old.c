// SPDX-License-Identifier: LGPL-2.1-or-later
/* A 5.10-era module: acpi_device_id with a 9-byte id, pci_device_id without override_only. */
typedef unsigned long kernel_ulong_t;

#define MODINFO(tag, value) \
	static const char __modinfo_##tag[] __attribute__((section(".modinfo"), used, aligned(1))) = #tag "=" value
#define MODULE_DEVICE_TABLE(type, name) \
	extern typeof(name) __mod_##type##__##name##_device_table __attribute__((alias(#name)))

struct acpi_device_id {
	unsigned char id[9];
	kernel_ulong_t driver_data;
	unsigned int cls, cls_msk;
};
struct pci_device_id {
	unsigned int vendor, device, subvendor, subdevice, class, class_mask;
	kernel_ulong_t driver_data;
};

MODINFO(name, "cross_old");
MODINFO(vermagic, "5.10.0-28-amd64 SMP mod_unload modversions ");

const struct acpi_device_id old_acpi_ids[] = {
	{ "PNP0C0A", 1, 0, 0 },
	{ "", 2, 0x0c0310, 0xffffff },
	{ "", 3, 0x010601, 0xffff00 },
	{ "", 0, 0, 0 }
};
MODULE_DEVICE_TABLE(acpi, old_acpi_ids);

const struct pci_device_id old_pci_ids[] = {
	{ 0x10ec, 0x8139, ~0u, ~0u, 0, 0, 1 },
	{ ~0u, ~0u, ~0u, ~0u, 0x030000, 0xff0000, 0x12345678 },
	{ 0 }
};
MODULE_DEVICE_TABLE(pci, old_pci_ids);
