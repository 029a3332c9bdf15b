/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The options of match, bind, restore and status: one getopt table; each command accepts the ones
 * its help lists.  Nothing of the core: match is written on the public API.
 */
#ifndef BUSALIAS_CMD_DEVICE_OPTIONS_H
#define BUSALIAS_CMD_DEVICE_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include <busalias/busalias.h>

#include "cmdline-ids.h"

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

extern const struct option device_long_options[];

/* 0 if dc accepts option c (a getopt value); -1 with msg set to the error ("match: unknown option --json"). */
int device_option_check(const struct device_command *dc, int c, char *msg, size_t len);

/* What a device command was asked; the settings among its options are applied to the context. */
struct device_args {
	bool all, json, dry_run, force, no_load, group, persist, no_iommu_check;
	bool long_view, overridden;  /* status */
	const char *device, *driver, *bus, *class, *pci_ids;
};

/*
 * Parse argv for command dc (one table, device_long_options; each command accepts what dc->allowed
 * lists): the settings (--prefix, --alias-file, --sysfs-root, --lock-dir, --lock-timeout, --modprobe,
 * --overrides-dir, -b/-k/-m/--module-root, the common options) go to ctx, checked as busalias(1) says;
 * the rest into *a.  -1 to go on (optind at the first argument), or an exit status (--help: 0).
 */
int device_options_parse(const struct device_command *dc, int argc, char **argv, struct ba_ctx *ctx,
			 struct device_args *a);

#endif
