/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * What match, bind, restore and status share: their options (one getopt table; each command
 * accepts the ones its help lists) and the bind/restore of one or several devices.
 */
#ifndef BUSALIAS_CMD_DEVICE_H
#define BUSALIAS_CMD_DEVICE_H

#include "admin.h"
#include "busalias.h"
#include "cmdline.h"

enum {
	OPT_PREFIX = 0x100,
	OPT_ALL,
	OPT_DEVICE,
	OPT_ALIAS_FILE,
	OPT_SYSFS_ROOT,
	OPT_LOCK_DIR,
	OPT_MODPROBE,
	OPT_DRIVER,
	OPT_DRY_RUN,
	OPT_FORCE,
	OPT_NO_LOAD,
	OPT_JSON,
	OPT_LOCK_TIMEOUT,
	/* issue 10 (admin.h) */
	OPT_GROUP,
	OPT_PERSIST,
	OPT_OVERRIDES_DIR,
	OPT_NO_IOMMU_CHECK,
	OPT_LONG,
	OPT_BUS,
	OPT_CLASS,
	OPT_OVERRIDDEN,
	OPT_PCI_IDS,
};

struct bind_args {
	bool all, json;
	const char *device;
	struct bind_opts o;
	struct admin_args x;
};

/* A device command's help and the long options it accepts (space-separated names). */
struct device_command {
	const char *name, *synopsis, *help, *allowed;
};

#define MODULES_HELP                                                                         \
	"      --alias-file FILE  modules.alias to search\n"                                   \
	"  -b, --basedir DIR      module tree root, as depmod -b (default /)\n"                \
	"  -k, --kernel VERSION   kernel version (default: uname -r)\n"                        \
	"  -m, --moduledir DIR    module directory under the root, as depmod -m (default:\n"     \
	"                         lib/modules if BASEDIR has it, else usr/lib/modules)\n"      \
	"      --module-root DIR  the module tree itself (instead of BASEDIR/MODULEDIR/VERSION)\n" \
	"      --prefix PREFIX    put PREFIX before the modalias (default vfio_)\n"
#define SYSFS_HELP "      --sysfs-root DIR   sysfs mount point (default /sys)\n"
#define LOCK_TIMEOUT_HELP "      --lock-timeout S   wait at most S seconds for the device lock (default 30; 0: no wait)\n"

/* Parse argv for command dc; returns -1 to go on, or an exit status. */
int device_command_parse(const struct device_command *dc, int argc, char **argv, struct ba_config *cfg,
			 struct bind_args *a);
/* bind or restore the devices argv names (after the options), as command dc. */
int bind_or_restore(const struct device_command *dc, bool bind, int argc, char **argv, struct ba_config *cfg);

#endif
