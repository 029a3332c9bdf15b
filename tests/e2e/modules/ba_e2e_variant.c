// SPDX-License-Identifier: GPL-2.0
/*
 * busalias e2e test module: a "variant" driver for QEMU's e1000 (8086:100e).
 * Its ID is override-only, so the kernel never auto-binds it; busalias must pick
 * its vfio_ alias over the generic vfio_pci one and bind it through driver_override.
 */
#include <linux/module.h>
#include <linux/pci.h>

static const struct pci_device_id ba_e2e_variant_ids[] = {
	{ PCI_DRIVER_OVERRIDE_DEVICE_VFIO(PCI_VENDOR_ID_INTEL, 0x100e) },
	{}
};
MODULE_DEVICE_TABLE(pci, ba_e2e_variant_ids);

static int ba_e2e_variant_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	dev_info(&pdev->dev, "ba_e2e_variant bound\n");
	return 0;
}

static void ba_e2e_variant_remove(struct pci_dev *pdev)
{
}

static struct pci_driver ba_e2e_variant_driver = {
	.name = "ba-e2e-variant",
	.id_table = ba_e2e_variant_ids,
	.probe = ba_e2e_variant_probe,
	.remove = ba_e2e_variant_remove,
	.driver_managed_dma = true,
};
module_pci_driver(ba_e2e_variant_driver);

MODULE_DESCRIPTION("busalias e2e test: override-only PCI variant driver");
MODULE_LICENSE("GPL");
