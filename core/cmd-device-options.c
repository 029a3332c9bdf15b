// SPDX-License-Identifier: LGPL-2.1-or-later
/* The device commands' options: one getopt table, each command taking the ones its help lists. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd-device-options.h"

const struct option device_long_options[] = {
	{ "prefix", required_argument, NULL, OPT_PREFIX },
	{ "all", no_argument, NULL, OPT_ALL },
	{ "device", required_argument, NULL, OPT_DEVICE },
	{ "alias-file", required_argument, NULL, OPT_ALIAS_FILE },
	MODULE_TREE_OPTIONS,
	{ "sysfs-root", required_argument, NULL, OPT_SYSFS_ROOT },
	{ "lock-dir", required_argument, NULL, OPT_LOCK_DIR },
	{ "modprobe", required_argument, NULL, OPT_MODPROBE },
	{ "driver", required_argument, NULL, OPT_DRIVER },
	{ "dry-run", no_argument, NULL, OPT_DRY_RUN },
	{ "force", no_argument, NULL, OPT_FORCE },
	{ "no-load", no_argument, NULL, OPT_NO_LOAD },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "lock-timeout", required_argument, NULL, OPT_LOCK_TIMEOUT },
	{ "group", no_argument, NULL, OPT_GROUP },
	{ "persist", no_argument, NULL, OPT_PERSIST },
	{ "overrides-dir", required_argument, NULL, OPT_OVERRIDES_DIR },
	{ "no-iommu-check", no_argument, NULL, OPT_NO_IOMMU_CHECK },
	{ "long", no_argument, NULL, OPT_LONG },
	{ "bus", required_argument, NULL, OPT_BUS },
	{ "class", required_argument, NULL, OPT_CLASS },
	{ "overridden", no_argument, NULL, OPT_OVERRIDDEN },
	{ "pci-ids", required_argument, NULL, OPT_PCI_IDS },
	COMMON_OPTIONS,
	{ NULL, 0, NULL, 0 },
};


static bool allowed(const char *list, const char *opt)
{
	size_t n = strlen(opt);

	for (const char *p = list; (p = strstr(p, opt)); p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return true;
	return false;
}

int device_option_check(const struct device_command *dc, int c, char *msg, size_t len)
{
	const char *lname = NULL;

	for (const struct option *o = device_long_options; o->name; o++)
		if (o->val == c)
			lname = o->name;
	if (c >= 0x100 && c < 0x200 && !allowed(dc->allowed, lname)) {
		snprintf(msg, len, "%s: unknown option --%s", dc->name, lname);
		return -1;
	}
	if ((c == 'b' || c == 'k' || c == 'm') && !allowed(dc->allowed, "basedir")) {
		snprintf(msg, len, "%s: unknown option -%c", dc->name, c);
		return -1;
	}
	return 0;
}

int device_options_parse(const struct device_command *dc, int argc, char **argv, struct ba_ctx *ctx,
			 struct device_args *a)
{
	/* Applied once every option is read: the last one wins, and the configuration file's values are
	 * checked as the options are. */
	const char *prefix = NULL, *alias_file = NULL, *sysfs_root = NULL;
	int c, idx;

	memset(a, 0, sizeof(*a));
	optind = 1;
	while ((c = getopt_long(argc, argv, "b:k:m:qh", device_long_options, &idx)) != -1) {
		char msg[128];
		if (device_option_check(dc, c, msg, sizeof(msg)) < 0) {
			cli_err(ctx, "%s", msg);
			return BA_EXIT_USAGE;
		}
		switch (c) {
		case OPT_PREFIX:
			prefix = optarg;
			break;
		case OPT_ALIAS_FILE:
			alias_file = optarg;
			break;
		case OPT_SYSFS_ROOT:
			sysfs_root = optarg;
			break;
		case OPT_LOCK_DIR:
		case OPT_MODPROBE:
			if (ba_ctx_set_option(ctx, c == OPT_LOCK_DIR ? "lock_dir" : "modprobe", optarg) < 0)
				return BA_EXIT_USAGE;
			break;
		case OPT_LOCK_TIMEOUT:
			if (cli_set_lock_timeout(ctx, optarg) < 0)
				return BA_EXIT_USAGE;
			break;
		case OPT_OVERRIDES_DIR:
			if (optarg[0] != '/') {
				cli_err(ctx, "--overrides-dir must be an absolute path");
				return BA_EXIT_USAGE;
			}
			if (ba_ctx_set_option(ctx, "overrides_dir", optarg) < 0)
				return BA_EXIT_USAGE;
			break;
		case OPT_ALL:
			a->all = true;
			break;
		case OPT_DEVICE:
			a->device = optarg;
			break;
		case OPT_DRIVER:
			a->driver = optarg;
			break;
		case OPT_DRY_RUN:
			a->dry_run = true;
			break;
		case OPT_FORCE:
			a->force = true;
			break;
		case OPT_NO_LOAD:
			a->no_load = true;
			break;
		case OPT_JSON:
			a->json = true;
			break;
		case OPT_GROUP:
			a->group = true;
			break;
		case OPT_PERSIST:
			a->persist = true;
			break;
		case OPT_NO_IOMMU_CHECK:
			a->no_iommu_check = true;
			break;
		case OPT_LONG:
			a->long_view = true;
			break;
		case OPT_BUS:
			a->bus = optarg;
			break;
		case OPT_CLASS:
			a->class = optarg;
			break;
		case OPT_OVERRIDDEN:
			a->overridden = true;
			break;
		case OPT_PCI_IDS:
			a->pci_ids = optarg;
			break;
		case 'h':
			printf("Usage: busalias %s %s\n%s" COMMON_OPTIONS_HELP, dc->name, dc->synopsis, dc->help);
			return BA_EXIT_OK;
		default: {
			int t = cli_module_tree_option(ctx, c, optarg);
			if (t < 0)
				return BA_EXIT_USAGE;
			if (t > 0 || cli_common_option(ctx, c, optarg) == 0)
				break;
			fprintf(stderr, "Usage: busalias %s %s\n", dc->name, dc->synopsis);
			return BA_EXIT_USAGE;
		}
		}
	}
	/* The value in force, given or from the configuration file, is checked; only a given one is set
	 * (the context's own string would be freed as it is copied). */
	const char *check = prefix ? prefix : ba_ctx_get_option(ctx, "prefix");
	if (check && strpbrk(check, "/\n*?[")) {
		cli_err(ctx, "--prefix: invalid prefix '%s'", check);
		return BA_EXIT_USAGE;
	}
	check = sysfs_root ? sysfs_root : ba_ctx_get_option(ctx, "sysfs_root");
	if (check && check[0] != '/') {
		cli_err(ctx, "--sysfs-root must be an absolute path");
		return BA_EXIT_USAGE;
	}
	if ((prefix && ba_ctx_set_option(ctx, "prefix", prefix) < 0) ||
	    (alias_file && ba_ctx_set_option(ctx, "alias_file", alias_file) < 0) ||
	    (sysfs_root && ba_ctx_set_option(ctx, "sysfs_root", sysfs_root) < 0))
		return BA_EXIT_USAGE;
	return -1;
}
