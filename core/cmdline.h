/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Options every command accepts, and helpers shared by the commands. */
#ifndef BUSALIAS_CMDLINE_H
#define BUSALIAS_CMDLINE_H

#include <getopt.h>

#include "busalias.h"
#include "cmdline-ids.h"

/* 1 if c was a module-tree option (applied to cfg), 0 if not, -1 for a bad value (reported). */
int module_tree_option(int c, const char *arg, struct ba_config *cfg);
/* 0 if c was a common option (applied to cfg), -1 otherwise. */
int common_option(int c, const char *arg, struct ba_config *cfg);
/* plugin_dir, then every added directory in order.  0; 1 if some plugin or directory was refused
 * (reported) but others loaded; -errno if none is usable (reported). */
int load_plugins(struct plugin_set *set, const struct ba_config *cfg);
/*
 * The module tree (file NULL) or a file in it: module_root; else BASEDIR/MODULEDIR/KERNEL with -m;
 * else BASEDIR/lib/modules/KERNEL if it exists, else BASEDIR/usr/lib/modules/KERNEL (KERNEL: default
 * uname -r).  0 and *out (malloc'd); -EINVAL after reporting a bad version or a uname failure;
 * -ENOENT, not reported, when neither automatic candidate exists: *out and *alt (malloc'd) are the
 * two paths, for the caller to name both.
 */
int module_tree_path(const struct ba_config *cfg, const char *file, char **out, char **alt);

#endif
