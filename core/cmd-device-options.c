// SPDX-License-Identifier: LGPL-2.1-or-later
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

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
