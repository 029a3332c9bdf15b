/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The options every command accepts: getopt ids, option table entries, help lines. */
#ifndef BUSALIAS_CMDLINE_IDS_H
#define BUSALIAS_CMDLINE_IDS_H

#include <getopt.h>

/* Command-specific long options use ids from 0x100; these from 0x200. */
enum { OPT_CONFIG = 0x200, OPT_PLUGIN_DIR, OPT_ADD_PLUGIN_DIR };
#define COMMON_OPTIONS                                                  \
	{ "config", required_argument, NULL, OPT_CONFIG },              \
	{ "plugin-dir", required_argument, NULL, OPT_PLUGIN_DIR },      \
	{ "add-plugin-dir", required_argument, NULL, OPT_ADD_PLUGIN_DIR }, \
	{ "quiet", no_argument, NULL, 'q' },                            \
	{ "help", no_argument, NULL, 'h' }
#define COMMON_OPTIONS_HELP                                                                  \
	"      --config FILE     configuration file (default " BUSALIAS_CONFIG ")\n"           \
	"      --plugin-dir DIR  load bus plugins from DIR instead of " BUSALIAS_PLUGIN_DIR "\n" \
	"      --add-plugin-dir DIR  load the plugins of DIR too, after the others (repeatable)\n" \
	"  -q, --quiet           no warnings (the exit status still reports them)\n"           \
	"  -h, --help            this help\n"

/* -b, -k, -m and --module-root: the module tree, for gen and the commands that read its modules.alias.
 * OPT_MODULE_ROOT sits among the command-specific ids (below 0x200), so per-command option lists
 * can still leave it out. */
#define OPT_MODULE_ROOT 0x1ff
#define MODULE_TREE_OPTIONS                                              \
	{ "basedir", required_argument, NULL, 'b' },                     \
	{ "kernel", required_argument, NULL, 'k' },                      \
	{ "moduledir", required_argument, NULL, 'm' },                   \
	{ "module-root", required_argument, NULL, OPT_MODULE_ROOT }
#endif
