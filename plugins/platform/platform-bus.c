// SPDX-License-Identifier: LGPL-2.1-or-later
/* The platform bus: device names are free-form, so there is nothing to add. */
#include <busalias/plugin.h>

extern const struct ba_bus_ops platform_bus_ops;
const struct ba_bus_ops platform_bus_ops = BA_BUS_OPS(
	.sysfs_bus = "platform",
	/* vfio-platform has no id table: without --driver this finds nothing, honestly. */
	.match_prefix = "vfio_");
