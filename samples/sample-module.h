/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Just enough of the kernel's module macros to compile a sample module object
 * with the host compiler: a .modinfo section and device tables under the
 * symbol name MODULE_DEVICE_TABLE() gives them (the pre-6.13 spelling).
 */
#ifndef SAMPLE_MODULE_H
#define SAMPLE_MODULE_H

typedef unsigned long kernel_ulong_t;

#define MODINFO(tag, value) \
	static const char __modinfo_##tag[] __attribute__((section(".modinfo"), used, aligned(1))) = #tag "=" value

#define MODULE_DEVICE_TABLE(type, name) \
	extern typeof(name) __mod_##type##__##name##_device_table __attribute__((alias(#name)))

struct pci_device_id {
	unsigned int vendor, device, subvendor, subdevice, class, class_mask;
	kernel_ulong_t driver_data;
	unsigned int override_only;
};
#define PCI_ANY_ID (~0u)

struct platform_device_id {
	char name[20];
	kernel_ulong_t driver_data;
};

struct acpi_device_id {
	unsigned char id[16];
	kernel_ulong_t driver_data;
	unsigned int cls, cls_msk;
};

#endif
