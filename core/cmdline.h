/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Options every command accepts, and helpers shared by the commands. */
#ifndef BUSALIAS_CMDLINE_H
#define BUSALIAS_CMDLINE_H

#include <getopt.h>

#include "busalias.h"

/* Command-specific long options use ids from 0x100; these from 0x200. */
enum { OPT_CONFIG = 0x200, OPT_PLUGIN_DIR };
#define COMMON_OPTIONS                                              \
	{ "config", required_argument, NULL, OPT_CONFIG },          \
	{ "plugin-dir", required_argument, NULL, OPT_PLUGIN_DIR },  \
	{ "quiet", no_argument, NULL, 'q' },                        \
	{ "help", no_argument, NULL, 'h' }
#define COMMON_OPTIONS_HELP                                                                  \
	"      --config FILE     configuration file (default " BUSALIAS_CONFIG ")\n"           \
	"      --plugin-dir DIR  load bus plugins from DIR\n"                                   \
	"  -q, --quiet           no warnings (the exit status still reports them)\n"           \
	"  -h, --help            this help\n"

/* 0 if c was a common option (applied to cfg), -1 otherwise. */
int common_option(int c, const char *arg, struct ba_config *cfg);
/* 0; 1 if some plugin was refused (reported) but others loaded; -errno if none is usable. */
int load_plugins(struct plugin_set *set, const struct ba_config *cfg);
/* The module tree: module_root, else BASEDIR/lib/modules/KERNEL (default uname -r).  NULL, after reporting,
 * on a bad version or when uname fails. */
char *config_module_dir(const struct ba_config *cfg);

#endif
