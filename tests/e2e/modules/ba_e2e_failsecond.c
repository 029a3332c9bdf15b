// SPDX-License-Identifier: GPL-2.0
/*
 * busalias e2e test module: a PCI driver that takes function 0 of a device and refuses every
 * other function, so binding two functions of one slot fails on the second one, after the first
 * was moved: the all-or-nothing scenario.  Override-only; the test names it with --driver.
 */
#include <linux/module.h>
#include <linux/pci.h>

static const struct pci_device_id ba_e2e_failsecond_ids[] = {
	{ PCI_DRIVER_OVERRIDE_DEVICE_VFIO(PCI_VENDOR_ID_INTEL, 0x100e) },
	{}
};
/* No MODULE_DEVICE_TABLE: loading it must never be triggered by a uevent. */

static int ba_e2e_failsecond_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	if (PCI_FUNC(pdev->devfn) != 0) {
		dev_info(&pdev->dev, "ba_e2e_failsecond refusing function %u\n", PCI_FUNC(pdev->devfn));
		return -ENODEV;
	}
	dev_info(&pdev->dev, "ba_e2e_failsecond bound\n");
	return 0;
}

static void ba_e2e_failsecond_remove(struct pci_dev *pdev)
{
}

static struct pci_driver ba_e2e_failsecond_driver = {
	.name = "ba-e2e-failsecond",
	.id_table = ba_e2e_failsecond_ids,
	.probe = ba_e2e_failsecond_probe,
	.remove = ba_e2e_failsecond_remove,
};
module_pci_driver(ba_e2e_failsecond_driver);

MODULE_DESCRIPTION("busalias e2e test: PCI driver that binds function 0 and refuses the others");
MODULE_LICENSE("GPL");
