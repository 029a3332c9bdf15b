// SPDX-License-Identifier: GPL-2.0
/*
 * busalias e2e test module: a platform driver with no ID table, so it only ever
 * binds a device whose driver_override names it. The platform and ACPI scenarios
 * move a real device (pcspkr, QEMU0002:00) onto it and back.
 */
#include <linux/module.h>
#include <linux/platform_device.h>

static int ba_e2e_plat_probe(struct platform_device *pdev)
{
	dev_info(&pdev->dev, "ba_e2e_plat bound\n");
	return 0;
}

static int ba_e2e_plat_remove(struct platform_device *pdev)
{
	return 0;
}

static struct platform_driver ba_e2e_plat_driver = {
	.driver = { .name = "ba-e2e-plat" },
	.probe = ba_e2e_plat_probe,
	.remove = ba_e2e_plat_remove,
};
module_platform_driver(ba_e2e_plat_driver);

MODULE_DESCRIPTION("busalias e2e test: override-only platform driver");
MODULE_LICENSE("GPL");
