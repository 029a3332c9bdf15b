// SPDX-License-Identifier: LGPL-2.1-or-later
/* busalias index: write the lookup index beside modules.alias, on libbusalias's public API. */
#include <getopt.h>

#include "cli.h"
#include "cmd-device-options.h"

static const struct device_command index_command = {
	.name = "index",
	.synopsis = "[OPTIONS]",
	.help =
		"Write modules.alias's lookup index beside it, as modules.alias.busalias-index: later lookups\n"
		"(match, bind, status) read a few pages of it instead of the whole file.  Run it after depmod.\n\n"
		"      --alias-file FILE  modules.alias to index\n"
		"  -b, --basedir DIR      module tree root, as depmod -b (default /)\n"
		"  -k, --kernel VERSION   kernel version (default: uname -r)\n"
		"  -m, --moduledir DIR    module directory under the root, as depmod -m\n"
		"      --module-root DIR  the module tree itself (instead of BASEDIR/MODULEDIR/VERSION)\n",
	.allowed = "alias-file basedir kernel module-root",
};

int cmd_index(int argc, char **argv, struct ba_ctx *ctx)
{
	struct device_args a;
	struct ba_aliasdb *db = NULL;
	int r = device_options_parse(&index_command, argc, argv, ctx, &a);

	if (r >= 0)
		return r;
	if (optind < argc) {
		cli_err(ctx, "index: unexpected argument '%s'", argv[optind]);
		return BA_EXIT_USAGE;
	}
	r = ba_aliasdb_new(ctx, NULL, &db);
	if (r >= 0)
		r = ba_aliasdb_write_index(db);
	ba_aliasdb_unref(db);
	return r < 0 ? exit_status_from_errno(r) : BA_EXIT_OK;
}
