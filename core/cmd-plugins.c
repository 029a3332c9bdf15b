// SPDX-License-Identifier: LGPL-2.1-or-later
/* busalias plugins: what the plugin directories hold, as the loader accepted it. */
#include <errno.h>
#include <getopt.h>
#include <string.h>

#include "busalias.h"
#include "cmdline.h"

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

static void render_text(struct strbuf *sb, const struct plugin_set *set)
{
	strbuf_adds(sb, "# plugin\tabi\tbus\tprefix\ttables\tfile\n");
	for (size_t i = 0; i < set->n; i++) {
		const struct busalias_plugin *p = set->plugins[i].desc;
		const struct ba_bus_ops *bus = p->bus;

		add_field(sb, p->name);
		strbuf_addf(sb, "\t%u.%u\t", BUSALIAS_ABI_GET_MAJOR(p->abi_version), BUSALIAS_ABI_GET_MINOR(p->abi_version));
		add_field(sb, bus ? bus->sysfs_bus : NULL);
		strbuf_adds(sb, "\t");
		add_field(sb, bus ? bus->match_prefix : NULL);
		strbuf_adds(sb, "\t");
		if (!p->tables || !p->tables[0])
			strbuf_adds(sb, "-");
		for (const struct ba_table_type *const *t = p->tables; t && *t; t++) {
			if (t != p->tables)
				strbuf_adds(sb, ",");
			add_field(sb, (*t)->type);
		}
		strbuf_adds(sb, "\t");
		add_field(sb, set->plugins[i].path);
		strbuf_adds(sb, "\n");
	}
}

static void render_json(struct strbuf *sb, const struct plugin_set *set)
{
	strbuf_adds(sb, "{\"plugins\":[");
	for (size_t i = 0; i < set->n; i++) {
		const struct busalias_plugin *p = set->plugins[i].desc;
		const struct ba_bus_ops *bus = p->bus;

		strbuf_adds(sb, i ? ",\n {\"name\":" : "\n {\"name\":");
		strbuf_add_json_string(sb, p->name);
		strbuf_adds(sb, ",\"description\":");
		json_string_or_null(sb, p->description);
		strbuf_adds(sb, ",\"file\":");
		strbuf_add_json_string(sb, set->plugins[i].path);
		strbuf_addf(sb, ",\"abi\":\"%u.%u\",\"tables\":[", BUSALIAS_ABI_GET_MAJOR(p->abi_version),
			    BUSALIAS_ABI_GET_MINOR(p->abi_version));
		for (const struct ba_table_type *const *t = p->tables; t && *t; t++) {
			if (t != p->tables)
				strbuf_adds(sb, ",");
			strbuf_add_json_string(sb, (*t)->type);
		}
		strbuf_adds(sb, "],\"bus\":");
		json_string_or_null(sb, bus ? bus->sysfs_bus : NULL);
		strbuf_adds(sb, ",\"match_prefix\":");
		json_string_or_null(sb, bus ? bus->match_prefix : NULL);
		strbuf_adds(sb, "}");
	}
	strbuf_adds(sb, set->n ? "\n]}\n" : "]}\n");
}

static void usage(FILE *f)
{
	fputs("Usage: busalias plugins [OPTIONS]\n"
	      "List the plugins loaded from the plugin directories, in load order: name, plugin ABI,\n"
	      "sysfs bus, match prefix, device-table types and file.  Refused plugins are reported on\n"
	      "standard error, as for every command.\n\n"
	      "      --json            JSON instead of tab-separated lines\n"
	      "      --write-index     write the plugin directory's " PLUGIN_INDEX_NAME " (what each plugin declares,\n"
	      "                        so that commands load only the plugins they need); nothing is listed\n"
	      COMMON_OPTIONS_HELP,
	      f);
}

int cmd_plugins(int argc, char **argv, struct ba_config *cfg)
{
	enum { OPT_JSON = 0x100, OPT_WRITE_INDEX };
	static const struct option opts[] = {
		{ "json", no_argument, NULL, OPT_JSON },
		{ "write-index", no_argument, NULL, OPT_WRITE_INDEX },
		COMMON_OPTIONS,
		{ 0 },
	};
	struct plugin_set set = { 0 };
	struct strbuf sb = { 0 };
	bool json = false, write_index = false;
	int c, r, status = BA_EXIT_OK;

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
			if (common_option(c, optarg, cfg) == 0)
				break;
			usage(stderr);
			return BA_EXIT_USAGE;
		}
	}
	if (optind < argc) {
		ba_err("plugins: unexpected argument '%s'", argv[optind]);
		return BA_EXIT_USAGE;
	}
	if (write_index) {
		/* The plugin directory alone, all of it: an index of a directory with a refused plugin would hide it. */
		r = plugin_set_load_dir(&set, cfg->plugin_dir, true);
		if (r == 0)
			r = plugin_set_write_index(&set, cfg->plugin_dir);
		else
			ba_err("%s: not writing %s: a plugin was refused", cfg->plugin_dir, PLUGIN_INDEX_NAME);
		plugin_set_free(&set);
		/* No plugin directory is no usable plugin (busalias(1): 2). */
		return r == -ENOENT ? BA_EXIT_USAGE : exit_status_from_errno(r);
	}
	r = load_plugins(&set, cfg);
	if (r < 0)
		return BA_EXIT_USAGE;
	if (plugin_set_load_all(&set) < 0)
		r = 1;
	if (r > 0)
		status = BA_EXIT_PARTIAL;  /* a plugin or directory was refused: said on stderr */
	if (json)
		render_json(&sb, &set);
	else
		render_text(&sb, &set);
	if (fwrite(sb.buf, 1, sb.len, stdout) != sb.len || fflush(stdout) != 0) {
		ba_err("standard output: %s", strerror(errno));
		status = BA_EXIT_FAILURE;
	}
	strbuf_release(&sb);
	plugin_set_free(&set);
	return status;
}
