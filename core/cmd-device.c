// SPDX-License-Identifier: LGPL-2.1-or-later
/* status's options, into the core's configuration (bind, restore and match parse theirs on the public
 * API: device_options_parse()); goes when status moves onto the API. */
#include <errno.h>
#include <getopt.h>
#include <string.h>

#include "cmd-device.h"

int device_command_parse(const struct device_command *dc, int argc, char **argv, struct ba_config *cfg,
			 struct bind_args *a)
{
	int c, idx;

	memset(a, 0, sizeof(*a));
	optind = 1;
	while ((c = getopt_long(argc, argv, "b:k:m:qh", device_long_options, &idx)) != -1) {
		char msg[128];
		if (device_option_check(dc, c, msg, sizeof(msg)) < 0) {
			ba_err("%s", msg);
			return BA_EXIT_USAGE;
		}
		switch (c) {
		case OPT_PREFIX:
			config_set(&cfg->prefix, optarg);
			break;
		case OPT_ALL:
			a->all = true;
			break;
		case OPT_DEVICE:
			a->device = optarg;
			break;
		case OPT_ALIAS_FILE:
			config_set(&cfg->alias_file, optarg);
			break;
		case OPT_SYSFS_ROOT:
			config_set(&cfg->sysfs_root, optarg);
			break;
		case OPT_LOCK_DIR:
			config_set(&cfg->lock_dir, optarg);
			break;
		case OPT_LOCK_TIMEOUT:
			if (parse_seconds(optarg, &cfg->lock_timeout) < 0) {
				ba_err("--lock-timeout: expected seconds (0 or more), got '%s'", optarg);
				return BA_EXIT_USAGE;
			}
			break;
		case OPT_MODPROBE:
			config_set(&cfg->modprobe, optarg);
			break;
		case OPT_DRIVER:
			a->o.driver = optarg;
			break;
		case OPT_DRY_RUN:
			a->o.dry_run = true;
			break;
		case OPT_FORCE:
			a->o.force = true;
			break;
		case OPT_NO_LOAD:
			a->o.no_load = true;
			break;
		case OPT_JSON:
			a->json = true;
			break;
		case OPT_GROUP:
			a->x.group = true;
			break;
		case OPT_PERSIST:
			a->x.persist = true;
			break;
		case OPT_OVERRIDES_DIR:
			if (optarg[0] != '/') {
				ba_err("--overrides-dir must be an absolute path");
				return BA_EXIT_USAGE;
			}
			config_set(&cfg->overrides_dir, optarg);
			break;
		case OPT_NO_IOMMU_CHECK:
			a->o.no_iommu_check = true;
			break;
		case OPT_LONG:
			a->x.long_view = true;
			break;
		case OPT_BUS:
			a->x.bus = optarg;
			break;
		case OPT_CLASS:
			a->x.class = optarg;
			break;
		case OPT_OVERRIDDEN:
			a->x.overridden = true;
			break;
		case OPT_PCI_IDS:
			config_set(&cfg->pci_ids, optarg);
			break;
		case 'h':
			printf("Usage: busalias %s %s\n%s" COMMON_OPTIONS_HELP, dc->name, dc->synopsis,
			       dc->help);
			return BA_EXIT_OK;
		default: {
			int t = module_tree_option(c, optarg, cfg);
			if (t < 0)
				return BA_EXIT_USAGE;
			if (t > 0 || common_option(c, optarg, cfg) == 0)
				break;
			fprintf(stderr, "Usage: busalias %s %s\n", dc->name, dc->synopsis);
			return BA_EXIT_USAGE;
		}
		}
	}
	if (cfg->prefix && strpbrk(cfg->prefix, "/\n*?[") ) {
		ba_err("--prefix: invalid prefix '%s'", cfg->prefix);
		return BA_EXIT_USAGE;
	}
	if (cfg->sysfs_root[0] != '/') {
		ba_err("--sysfs-root must be an absolute path");
		return BA_EXIT_USAGE;
	}
	return -1;
}
