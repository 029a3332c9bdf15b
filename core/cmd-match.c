// SPDX-License-Identifier: LGPL-2.1-or-later
/* busalias match: the module that best matches a modalias (or a device's), on libbusalias's public API. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd-device-options.h"

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

/* PREFIX+MODALIAS of the device a->device names, or of the MODALIAS argument: what is matched. */
static int match_alias(struct ba_ctx *ctx, const struct device_args *a, const char *modalias, char **alias)
{
	struct ba_device *dev;
	const char *prefix;
	int r;

	if (!a->device) {
		if (strlen(modalias) > 1000 || strchr(modalias, '\n')) {
			cli_err(ctx, "match: modalias too long or with a newline");
			return BA_EXIT_USAGE;
		}
		prefix = ba_ctx_get_option(ctx, "prefix");
		if (asprintf(alias, "%s%s", prefix ? prefix : "vfio_", modalias) < 0)
			return BA_EXIT_FAILURE;
		return -1;
	}
	/* No usable plugin is a usage error, whatever the reason; a device that is not found is said by
	 * the errno of why. */
	if (ba_ctx_load_plugins(ctx) < 0)
		return BA_EXIT_USAGE;
	r = ba_device_new(ctx, a->device, &dev);
	if (r < 0)
		return exit_status_from_errno(r);
	if (!ba_device_get_modalias(dev)[0]) {
		cli_err(ctx, "%s:%s has no modalias", ba_device_get_bus(dev), ba_device_get_name(dev));
		ba_device_unref(dev);
		return BA_EXIT_NOMATCH;
	}
	*alias = strdup(ba_device_get_match_alias(dev));
	ba_device_unref(dev);
	return *alias ? -1 : BA_EXIT_FAILURE;
}

int cmd_match(int argc, char **argv, struct ba_ctx *ctx)
{
	struct device_args a;
	struct ba_aliasdb *db = NULL;
	struct ba_match_list *list = NULL;
	char *alias = NULL;
	int r = device_options_parse(&match_command, argc, argv, ctx, &a);

	if (r >= 0)
		return r;
	if ((a.device != NULL) == (optind < argc) || optind + 1 < argc) {
		cli_err(ctx, "match: give one MODALIAS or --device DEV");
		return BA_EXIT_USAGE;
	}
	r = match_alias(ctx, &a, argv[optind], &alias);
	if (r >= 0)
		return r;
	if (ba_aliasdb_new(ctx, NULL, &db) < 0 || ba_aliasdb_match(db, alias, a.all ? BA_MATCH_ALL : 0, &list) < 0) {
		r = BA_EXIT_FAILURE;
	} else if (ba_match_list_get_count(list) == 0) {
		r = BA_EXIT_NOMATCH;
	} else if (a.all) {
		printf("# %s\n# module\tstars\tliterals\tline\tpattern\n", alias);
		for (size_t i = 0; i < ba_match_list_get_count(list); i++)
			printf("%s\t%u\t%u\t%zu\t%s\n", ba_match_list_get_module(list, i), ba_match_list_get_stars(list, i),
			       ba_match_list_get_literals(list, i), ba_match_list_get_line(list, i),
			       ba_match_list_get_pattern(list, i));
		r = BA_EXIT_OK;
	} else {
		printf("%s\n", ba_match_list_get_module(list, 0));
		r = BA_EXIT_OK;
	}
	ba_match_list_unref(list);
	ba_aliasdb_unref(db);
	free(alias);
	return r;
}
