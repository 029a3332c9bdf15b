// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * A program using libbusalias: the module modprobe would pick for a modalias (busalias's ranking: fewest
 * '*', then most literal characters, then the earlier line), and the aliases of module files.
 *
 *   consumer [-p PLUGIN_DIR] MODULES_ALIAS MODALIAS [MODULE.ko...]
 *
 * Build: cc -o consumer consumer.c $(pkg-config --cflags --libs busalias)
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <busalias/busalias.h>

int main(int argc, char **argv)
{
	struct ba_ctx *ctx;
	struct ba_aliasdb *db;
	struct ba_match_list *matches;
	int c, r, status = 0;

	ctx = ba_ctx_new();
	if (!ctx) {
		fputs("consumer: cannot create a busalias context\n", stderr);
		return 1;
	}
	while ((c = getopt(argc, argv, "p:")) != -1)
		if (c != 'p' || ba_ctx_set_option(ctx, "plugin_dir", optarg) < 0)
			break;
	if (c != -1 || argc - optind < 2) {
		fputs("usage: consumer [-p PLUGIN_DIR] MODULES_ALIAS MODALIAS [MODULE.ko...]\n", stderr);
		ba_ctx_unref(ctx);
		return 2;
	}

	r = ba_aliasdb_new(ctx, argv[optind], &db);  /* the library logs why it failed */
	if (r < 0) {
		ba_ctx_unref(ctx);
		return 1;
	}
	r = ba_aliasdb_match(db, argv[optind + 1], 0, &matches);
	if (r > 0)
		printf("best: %s (pattern %s, %u stars)\n", ba_match_list_get_module(matches, 0),
		       ba_match_list_get_pattern(matches, 0), ba_match_list_get_stars(matches, 0));
	else if (r == 0)
		printf("best: none\n");
	else
		status = 1;
	ba_match_list_unref(matches);
	ba_aliasdb_unref(db);

	for (int i = optind + 2; i < argc; i++) {
		struct ba_module *m;

		r = ba_module_new_from_path(ctx, argv[i], 0, &m);
		if (m)
			for (size_t k = 0; k < ba_module_get_message_count(m); k++)
				fprintf(stderr, "consumer: %s\n", ba_module_get_message(m, k, NULL));
		if (r < 0) {
			status = 1;
		} else {
			for (size_t k = 0; k < ba_module_get_alias_count(m); k++)
				printf("alias %s %s\n", ba_module_get_alias(m, k), ba_module_get_name(m));
		}
		ba_module_unref(m);
	}
	ba_ctx_unref(ctx);
	return status;
}
