// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * ACPI devices are descriptions; drivers bind to the device the firmware node
 * describes (its physical node, usually on the platform bus).
 */
#include <ctype.h>

#include <busalias/plugin.h>

/* HID:NN, e.g. PNP0501:00 or AMDI0010:01. */
static int acpi_parse_device(const char *arg, char *name, size_t len)
{
	const char *colon = strchr(arg, ':');
	size_t n = strlen(arg);

	if (!colon || colon == arg || colon - arg > 16 || strlen(colon + 1) < 2 || strlen(colon + 1) > 4)
		return -EINVAL;
	for (const char *p = arg; p < colon; p++)
		if (!isupper((unsigned char)*p) && !isdigit((unsigned char)*p) && *p != '_')
			return -EINVAL;
	for (const char *p = colon + 1; *p; p++)
		if (!isdigit((unsigned char)*p))
			return -EINVAL;
	if (n >= len)
		return -ENAMETOOLONG;
	memcpy(name, arg, n + 1);
	return 0;
}

static int acpi_physical_node(const struct ba_sysfs *sys, const char *devpath, char *out, size_t len)
{
	char link[512];

	/* physical_node is the first; physical_node1... only exist for shared descriptions. */
	snprintf(link, sizeof(link), "%s/physical_node", devpath);
	return sys->resolve(sys, link, out, len);
}

extern const struct ba_bus_ops acpi_bus_ops;
const struct ba_bus_ops acpi_bus_ops = BA_BUS_OPS(
	.sysfs_bus = "acpi",
	.parse_device = acpi_parse_device,
	.physical_node = acpi_physical_node);
