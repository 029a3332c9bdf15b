// SPDX-License-Identifier: LGPL-2.1-or-later
#include "sample-module.h"

MODINFO(name, "sample_platform");
MODINFO(vermagic, "6.1.0-13-amd64 SMP preempt mod_unload modversions ");

const struct platform_device_id sample_platform_ids[] = {
	{ "sample-gpio", 0 },
	{ "sample-gpio-v2", 1 },
	{ "" }
};
MODULE_DEVICE_TABLE(platform, sample_platform_ids);

const struct acpi_device_id sample_platform_acpi_ids[] = {
	{ "SMPL0001", 0, 0, 0 },
	{ "", 0, 0x010601, 0xffffff },    /* class form: acpi*:010601:* */
	{ "", 0, 0x0c0300, 0xffff00 },    /* acpi*:0c03??:* */
	{ "" }
};
MODULE_DEVICE_TABLE(acpi, sample_platform_acpi_ids);
