// SPDX-License-Identifier: LGPL-2.1-or-later
#include <errno.h>
#include <string.h>
#include <sys/utsname.h>

#include "cmdline.h"

int common_option(int c, const char *arg, struct ba_config *cfg)
{
	switch (c) {
	case OPT_CONFIG:
		return 0; /* applied before the command ran */
	case OPT_PLUGIN_DIR:
		config_set(&cfg->plugin_dir, arg);
		return 0;
	case 'q':
		ba_quiet = cfg->quiet = true;
		return 0;
	}
	return -1;
}

int load_plugins(struct plugin_set *set, const struct ba_config *cfg)
{
	int r = plugin_set_load_dir(set, cfg->plugin_dir, true);

	/* One broken third-party plugin must not stop the others, but it is reported in the exit status. */
	if (set->n == 0)
		return r < 0 ? r : -ENOENT;
	return r < 0 ? 1 : 0;
}

char *config_module_dir(const struct ba_config *cfg)
{
	struct utsname u;
	const char *kv = cfg->kernel;

	if (cfg->module_root)
		return xstrdup(cfg->module_root);
	if (!kv) {
		if (uname(&u) < 0) {
			ba_err("cannot tell the running kernel's version (uname): %s; give --kernel", strerror(errno));
			return NULL;
		}
		kv = u.release;
	}
	if (!valid_name(kv, 64)) {
		ba_err("invalid kernel version '%s'", kv);
		return NULL;
	}
	return xasprintf("%s/lib/modules/%s", cfg->basedir ? cfg->basedir : "", kv);
}
