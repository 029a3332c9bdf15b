// SPDX-License-Identifier: LGPL-2.1-or-later
/* The options of match, bind, restore and status. */
#include <errno.h>
#include <getopt.h>
#include <string.h>

#include "cmd-device.h"

/* The options of the four commands; each accepts the ones its help lists. */
static const struct option long_options[] = {
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

int device_command_parse(const struct device_command *dc, int argc, char **argv, struct ba_config *cfg,
			 struct bind_args *a)
{
	int c, idx;

	memset(a, 0, sizeof(*a));
	optind = 1;
	while ((c = getopt_long(argc, argv, "b:k:m:qh", long_options, &idx)) != -1) {
		const char *lname = NULL;
		for (const struct option *o = long_options; o->name; o++)
			if (o->val == c)
				lname = o->name;
		if (c >= 0x100 && c < 0x200 && !allowed(dc->allowed, lname)) {
			ba_err("%s: unknown option --%s", dc->name, lname);
			return BA_EXIT_USAGE;
		}
		if ((c == 'b' || c == 'k' || c == 'm') && !allowed(dc->allowed, "basedir")) {
			ba_err("%s: unknown option -%c", dc->name, c);
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
