// SPDX-License-Identifier: LGPL-2.1-or-later
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
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
	case OPT_ADD_PLUGIN_DIR:
		config_add_plugin_dir(cfg, arg);
		return 0;
	case 'q':
		cfg->quiet = true;
		ba_log_set_quiet(true);
		return 0;
	}
	return -1;
}

int module_tree_option(int c, const char *arg, struct ba_config *cfg)
{
	switch (c) {
	case 'b':
		config_set(&cfg->basedir, arg);
		return 1;
	case 'k':
		config_set(&cfg->kernel, arg);
		return 1;
	case 'm':
		if (!arg[0]) {
			ba_err("--moduledir: expected a directory, got ''");
			return -1;
		}
		config_set(&cfg->moduledir, arg);
		return 1;
	case OPT_MODULE_ROOT:
		config_set(&cfg->module_root, arg);
		return 1;
	}
	return 0;
}

int load_plugins(struct plugin_set *set, const struct ba_config *cfg)
{
	int r = plugin_set_load_dir(set, cfg->plugin_dir, true);

	/* Added directories come after: a plugin whose name is taken is refused ("already loaded"). */
	for (size_t i = 0; i < cfg->n_added_plugin_dirs; i++) {
		int k = plugin_set_load_dir(set, cfg->added_plugin_dirs[i], true);
		if (k < 0 && r >= 0)
			r = k;
	}
	if (set->n == 0 && !set->index)
		return r < 0 ? r : -ENOENT;  /* each directory said "no usable plugins" */
	/* One broken third-party plugin must not stop the others, but it is reported in the exit status. */
	return r < 0 ? 1 : 0;
}

int module_tree_path(const struct ba_config *cfg, const char *file, char **out, char **alt)
{
	struct utsname u;
	struct stat st;
	const char *kv = cfg->kernel, *base = cfg->basedir ? cfg->basedir : "";
	const char *sep = file ? "/" : "", *f = file ? file : "";

	*out = NULL;
	if (alt)
		*alt = NULL;
	if (cfg->module_root) {
		*out = xasprintf("%s%s%s", cfg->module_root, sep, f);
		return 0;
	}
	if (!kv) {
		if (uname(&u) < 0) {
			ba_err("cannot tell the running kernel's version (uname): %s; give --kernel", strerror(errno));
			return -EINVAL;
		}
		kv = u.release;
	}
	if (!valid_name(kv, 64)) {
		ba_err("invalid kernel version '%s'", kv);
		return -EINVAL;
	}
	if (cfg->moduledir) {
		/* As depmod -m: relative to the base directory, with or without a leading '/'. */
		const char *md = cfg->moduledir + strspn(cfg->moduledir, "/");
		*out = xasprintf("%s/%s%s%s%s%s", base, md, *md ? "/" : "", kv, sep, f);
		return 0;
	}
	/* Debian 13 and later ship modules in usr/lib/modules; a root without the /lib symlink has only that. */
	_cleanup_free_ char *lib = xasprintf("%s/lib/modules/%s", base, kv);
	_cleanup_free_ char *usr = xasprintf("%s/usr/lib/modules/%s", base, kv);
	bool have_lib = stat(lib, &st) == 0;

	if (!have_lib && stat(usr, &st) == 0) {
		*out = xasprintf("%s%s%s", usr, sep, f);
		return 0;
	}
	*out = xasprintf("%s%s%s", lib, sep, f);
	if (have_lib)
		return 0;
	if (alt)
		*alt = xasprintf("%s%s%s", usr, sep, f);
	return -ENOENT;
}
