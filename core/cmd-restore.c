// SPDX-License-Identifier: LGPL-2.1-or-later
/* busalias restore: clear driver_override and give devices back to their default driver (public API). */
#include "cli.h"
#include "cmd-device-options.h"

static const struct device_command restore_command = {
	.name = "restore",
	.synopsis = "[OPTIONS] DEV...",
	.help =
		"Clear each DEV's driver_override and give it back to the driver the kernel would choose.\n\n"
		"      --dry-run          print every write, change nothing\n"
		"      --group            every endpoint of each DEV's IOMMU group\n"
		"      --persist          also drop the persisted override\n"
		"      --overrides-dir DIR  persisted overrides (default " BUSALIAS_OVERRIDES_DIR ")\n"
		"      --lock-dir DIR     per-device locks (default /run/busalias)\n" LOCK_TIMEOUT_HELP SYSFS_HELP,
	.allowed =
		"dry-run lock-dir lock-timeout sysfs-root group persist overrides-dir",
};

int cmd_restore(int argc, char **argv, struct ba_ctx *ctx)
{
	return cli_bind_or_restore(&restore_command, false, argc, argv, ctx);
}
