// SPDX-License-Identifier: LGPL-2.1-or-later
/* busalias plugins: what the plugin directories hold, as the loader accepted it, on libbusalias's public API. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "cmdline-ids.h"

/* A plugin's strings are its author's: no tab, newline or control byte may shift a column or a line. */
static void add_field(struct strbuf *sb, const char *s)
{
	static const char hex[] = "0123456789abcdef";

	if (!s || !*s) {
		strbuf_add(sb, "-", 1);
		return;
	}
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p <= 0x20 || *p == 0x7f) {
			char esc[4] = { '\\', 'x', hex[*p >> 4], hex[*p & 0xf] };
			strbuf_add(sb, esc, 4);
		} else {
			strbuf_add(sb, (const char *)p, 1);
		}
	}
}

static void json_string_or_null(struct strbuf *sb, const char *s)
{
	if (s)
		strbuf_add_json_string(sb, s);
	else
		strbuf_adds(sb, "null");
}

static void add_abi(struct strbuf *sb, const struct ba_ctx *ctx, size_t i)
{
	unsigned major = 0, minor = 0;

	ba_ctx_get_plugin_abi(ctx, i, &major, &minor);
	strbuf_addf(sb, "%u.%u", major, minor);
}

static void render_text(struct strbuf *sb, const struct ba_ctx *ctx)
{
	strbuf_adds(sb, "# plugin\tabi\tbus\tprefix\ttables\tfile\n");
	for (size_t i = 0; i < ba_ctx_get_plugin_count(ctx); i++) {
		size_t n_tables = ba_ctx_get_plugin_table_count(ctx, i);

		add_field(sb, ba_ctx_get_plugin_name(ctx, i));
		strbuf_adds(sb, "\t");
		add_abi(sb, ctx, i);
		strbuf_adds(sb, "\t");
		add_field(sb, ba_ctx_get_plugin_bus(ctx, i));
		strbuf_adds(sb, "\t");
		add_field(sb, ba_ctx_get_plugin_match_prefix(ctx, i));
		strbuf_adds(sb, "\t");
		if (!n_tables)
			strbuf_adds(sb, "-");
		for (size_t j = 0; j < n_tables; j++) {
			if (j)
				strbuf_adds(sb, ",");
			add_field(sb, ba_ctx_get_plugin_table_type(ctx, i, j));
		}
		strbuf_adds(sb, "\t");
		add_field(sb, ba_ctx_get_plugin_path(ctx, i));
		strbuf_adds(sb, "\n");
	}
}

static void render_json(struct strbuf *sb, const struct ba_ctx *ctx)
{
	size_t n = ba_ctx_get_plugin_count(ctx);

	strbuf_adds(sb, "{\"plugins\":[");
	for (size_t i = 0; i < n; i++) {
		strbuf_adds(sb, i ? ",\n {\"name\":" : "\n {\"name\":");
		strbuf_add_json_string(sb, ba_ctx_get_plugin_name(ctx, i));
		strbuf_adds(sb, ",\"description\":");
		json_string_or_null(sb, ba_ctx_get_plugin_description(ctx, i));
		strbuf_adds(sb, ",\"file\":");
		strbuf_add_json_string(sb, ba_ctx_get_plugin_path(ctx, i));
		strbuf_adds(sb, ",\"abi\":\"");
		add_abi(sb, ctx, i);
		strbuf_adds(sb, "\",\"tables\":[");
		for (size_t j = 0; j < ba_ctx_get_plugin_table_count(ctx, i); j++) {
			if (j)
				strbuf_adds(sb, ",");
			strbuf_add_json_string(sb, ba_ctx_get_plugin_table_type(ctx, i, j));
		}
		strbuf_adds(sb, "],\"bus\":");
		json_string_or_null(sb, ba_ctx_get_plugin_bus(ctx, i));
		strbuf_adds(sb, ",\"match_prefix\":");
		json_string_or_null(sb, ba_ctx_get_plugin_match_prefix(ctx, i));
		strbuf_adds(sb, "}");
	}
	strbuf_adds(sb, n ? "\n]}\n" : "]}\n");
}

static void usage(FILE *f)
{
	fputs("Usage: busalias plugins [OPTIONS]\n"
	      "List the plugins loaded from the plugin directories, in load order: name, plugin ABI,\n"
	      "sysfs bus, match prefix, device-table types and file.  Refused plugins are reported on\n"
	      "standard error, as for every command.\n\n"
	      "      --json            JSON instead of tab-separated lines\n"
	      "      --write-index     write the plugin directory's plugins.index (what each plugin declares,\n"
	      "                        so that commands load only the plugins they need); nothing is listed\n"
	      COMMON_OPTIONS_HELP,
	      f);
}

int cmd_plugins(int argc, char **argv, struct ba_ctx *ctx)
{
	enum { OPT_JSON = 0x100, OPT_WRITE_INDEX };
	static const struct option opts[] = {
		{ "json", no_argument, NULL, OPT_JSON },
		{ "write-index", no_argument, NULL, OPT_WRITE_INDEX },
		COMMON_OPTIONS,
		{ 0 },
	};
	struct strbuf sb = { 0 };
	bool json = false, write_index = false;
	int c, r, status = BA_EXIT_OK;

	optind = 1;
	while ((c = getopt_long(argc, argv, "qh", opts, NULL)) != -1) {
		switch (c) {
		case OPT_JSON:
			json = true;
			break;
		case OPT_WRITE_INDEX:
			write_index = true;
			break;
		case 'h':
			usage(stdout);
			return BA_EXIT_OK;
		default:
			if (cli_common_option(ctx, c, optarg) == 0)
				break;
			usage(stderr);
			return BA_EXIT_USAGE;
		}
	}
	if (optind < argc) {
		cli_err(ctx, "plugins: unexpected argument '%s'", argv[optind]);
		return BA_EXIT_USAGE;
	}
	if (write_index) {
		r = ba_ctx_write_plugin_index(ctx);
		/* No plugin directory is no usable plugin (busalias(1): 2). */
		return r == -ENOENT ? BA_EXIT_USAGE : exit_status_from_errno(r);
	}
	r = ba_ctx_load_all_plugins(ctx);
	if (r < 0)
		return BA_EXIT_USAGE;
	if (r > 0)
		status = BA_EXIT_PARTIAL;  /* a plugin or directory was refused: said on stderr */
	if (json)
		render_json(&sb, ctx);
	else
		render_text(&sb, ctx);
	if (fwrite(sb.buf, 1, sb.len, stdout) != sb.len || fflush(stdout) != 0) {
		cli_err(ctx, "standard output: %s", strerror(errno));
		status = BA_EXIT_FAILURE;
	}
	strbuf_release(&sb);
	return status;
}
