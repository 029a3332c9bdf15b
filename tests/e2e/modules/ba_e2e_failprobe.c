// SPDX-License-Identifier: GPL-2.0
/*
 * busalias e2e test module: drivers whose probe always fails, for the rollback
 * scenario. Override-only IDs with a prefix of their own ("bafail_"), so they never
 * compete with the real vfio_ candidates; the test names them with --driver.
 */
#include <linux/module.h>
#include <linux/pci.h>

static const struct pci_device_id ba_e2e_failprobe_ids[] = {
	{ PCI_DRIVER_OVERRIDE_DEVICE_VFIO(PCI_VENDOR_ID_INTEL, 0x100e) },
	{}
};
/* No MODULE_DEVICE_TABLE: loading it must never be triggered by a uevent. */

static int ba_e2e_failprobe_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	dev_info(&pdev->dev, "ba_e2e_failprobe refusing the device\n");
	return -ENODEV;
}

static struct pci_driver ba_e2e_failprobe_driver = {
	.name = "ba-e2e-failprobe",
	.id_table = ba_e2e_failprobe_ids,
	.probe = ba_e2e_failprobe_probe,
};
module_pci_driver(ba_e2e_failprobe_driver);

MODULE_DESCRIPTION("busalias e2e test: PCI driver whose probe fails");
MODULE_LICENSE("GPL");
