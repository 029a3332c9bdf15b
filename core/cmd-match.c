// SPDX-License-Identifier: LGPL-2.1-or-later
/* busalias match: the module that best matches a modalias (or a device's). */
#include <getopt.h>
#include <string.h>

#include "cmd-device.h"

static const struct device_command match_command = {
	.name = "match",
	.synopsis = "[OPTIONS] MODALIAS | --device DEV",
	.help =
		"Print the module whose modules.alias pattern matches PREFIX+MODALIAS most specifically.\n\n"
		"      --device DEV       take the modalias of a device\n"
		"      --all              list every matching pattern with its score, best first\n" MODULES_HELP SYSFS_HELP,
	.allowed =
		"all device alias-file basedir kernel module-root prefix sysfs-root",
};

int cmd_match(int argc, char **argv, struct ba_config *cfg)
{
	struct bind_args a;
	struct plugin_set set = { .lazy = true };  /* only the plugins that bind a bus */
	struct ba_device dev;
	struct sysfs sys;
	struct alias_matches m;
	_cleanup_free_ char *file = NULL, *alias = NULL;
	const char *modalias;
	int r = device_command_parse(&match_command, argc, argv, cfg, &a);

	if (r >= 0)
		return r;
	if ((a.device != NULL) == (optind < argc) || optind + 1 < argc) {
		ba_err("match: give one MODALIAS or --device DEV");
		return BA_EXIT_USAGE;
	}
	if (a.device) {
		sysfs_init_config(&sys, cfg, false);
		if (load_plugins(&set, cfg) < 0)
			return BA_EXIT_USAGE;
		plugin_set_load_buses(&set);
		r = device_resolve(&set, &sys, a.device, &dev);
		if (r < 0) {
			plugin_set_free(&set);
			return exit_status_from_errno(r);
		}
		if (!dev.modalias[0]) {
			ba_err("%s:%s has no modalias", dev.bus, dev.name);
			plugin_set_free(&set);
			return BA_EXIT_NOMATCH;
		}
		alias = xasprintf("%s%s", device_match_prefix(&dev, cfg), dev.modalias);
		plugin_set_free(&set);
	} else {
		modalias = argv[optind];
		if (strlen(modalias) > 1000 || strchr(modalias, '\n')) {
			ba_err("match: modalias too long or with a newline");
			return BA_EXIT_USAGE;
		}
		alias = xasprintf("%s%s", device_match_prefix(NULL, cfg), modalias);
	}
	file = config_alias_file(cfg);
	if (!file || alias_lookup(file, alias, a.all, &m) < 0)
		return BA_EXIT_FAILURE;
	if (m.n == 0)
		return BA_EXIT_NOMATCH;
	if (a.all) {
		printf("# %s\n# module\tstars\tliterals\tline\tpattern\n", alias);
		for (size_t i = 0; i < m.n; i++)
			printf("%s\t%u\t%u\t%zu\t%s\n", m.v[i].module, m.v[i].stars, m.v[i].literals, m.v[i].line,
			       m.v[i].pattern);
	} else {
		printf("%s\n", m.v[0].module);
	}
	alias_matches_release(&m);
	return BA_EXIT_OK;
}
