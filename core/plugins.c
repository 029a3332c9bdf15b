// SPDX-License-Identifier: LGPL-2.1-or-later
/* dlopen()s bus plugins and checks their descriptors before anything else is used. */
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "busalias.h"

int plugin_check_descriptor(const struct busalias_plugin *p, char *why, size_t len)
{
	uint32_t major = BUSALIAS_ABI_GET_MAJOR(p->abi_version), minor = BUSALIAS_ABI_GET_MINOR(p->abi_version);

	if (major != BUSALIAS_ABI_MAJOR) {
		snprintf(why, len, "plugin ABI %u.%u, this busalias speaks %d.x", major, minor, BUSALIAS_ABI_MAJOR);
		return -EPROTO;
	}
	if (minor > BUSALIAS_ABI_MINOR) {
		snprintf(why, len, "plugin ABI %u.%u is newer than this busalias (%d.%d)", major, minor,
			 BUSALIAS_ABI_MAJOR, BUSALIAS_ABI_MINOR);
		return -EPROTO;
	}
	if (p->struct_size < offsetof(struct busalias_plugin, bus) + sizeof(p->bus)) {
		snprintf(why, len, "descriptor is %u bytes, too small for ABI %u.%u", p->struct_size, major, minor);
		return -EPROTO;
	}
	if (!p->name || !*p->name) {
		snprintf(why, len, "descriptor has no name");
		return -EINVAL;
	}
	for (const struct ba_table_type *const *t = p->tables; t && *t; t++) {
		const struct ba_table_type *tt = *t;
		if (tt->struct_size < offsetof(struct ba_table_type, parts) + sizeof(tt->parts) || !tt->type ||
		    !*tt->type || !tt->fields || tt->n_fields == 0 || tt->n_fields > 256 || tt->n_slots == 0 ||
		    tt->n_slots > 256 || tt->n_variants > 32) {
			snprintf(why, len, "table type %s is incomplete", tt->type ? tt->type : "(unnamed)");
			return -EINVAL;
		}
		for (uint32_t f = 0; f < tt->n_fields; f++) {
			const struct ba_field *fd = &tt->fields[f];
			if (fd->slot >= tt->n_slots || fd->kind >= BA_KIND__COUNT ||
			    ((fd->kind == BA_KIND_CHARS || fd->kind == BA_KIND_BYTES || fd->kind == BA_KIND_BITMAP) &&
			     fd->count == 0) ||
			    (fd->since && fd->until && fd->until <= fd->since)) {
				snprintf(why, len, "table type %s: field %s has a bad slot, kind, size or version range",
					 tt->type, fd->name ? fd->name : "?");
				return -EINVAL;
			}
		}
		if (check_parts(tt, why, len) < 0)
			return -EINVAL;
	}
	if (p->bus && p->bus->struct_size < offsetof(struct ba_bus_ops, match_prefix) + sizeof(p->bus->match_prefix)) {
		snprintf(why, len, "bus descriptor too small");
		return -EPROTO;
	}
	return 0;
}

/* As root, a plugin anyone else could have written is code anyone could run as root. */
static int check_owner_perms(const char *path, const char *what)
{
	struct stat st;

	if (geteuid() != 0)
		return 0;
	if (stat(path, &st) < 0) {
		int r = -errno;
		ba_err("%s: cannot open %s: %s", path, what, strerror(-r));
		return r;
	}
	if ((st.st_uid != 0 && st.st_uid != geteuid()) || (st.st_mode & (S_IWGRP | S_IWOTH))) {
		ba_err("%s: refusing %s writable by other users (owner %u, mode %04o)", path, what, (unsigned)st.st_uid,
		       (unsigned)(st.st_mode & 07777));
		return -EPERM;
	}
	return 0;
}

int plugin_set_load_file(struct plugin_set *set, const char *path, bool require_safe_perms)
{
	const struct busalias_plugin *desc;
	void *h;
	int r;

	if (require_safe_perms && (r = check_owner_perms(path, "plugin")) < 0)
		return r;
	h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		ba_err("%s: cannot load plugin: %s", path, dlerror());
		return -ENOEXEC;
	}
	desc = dlsym(h, BUSALIAS_PLUGIN_SYMBOL);
	if (!desc) {
		ba_err("%s: not a busalias plugin (no %s symbol)", path, BUSALIAS_PLUGIN_SYMBOL);
		dlclose(h);
		return -ENOEXEC;
	}
	r = plugin_set_add(set, desc, path, h);
	if (r < 0)
		dlclose(h);
	return r;
}

int plugin_set_add(struct plugin_set *set, const struct busalias_plugin *desc, const char *path, void *handle)
{
	char why[256];
	int r = plugin_check_descriptor(desc, why, sizeof(why));

	if (r < 0) {
		ba_err("%s: refusing plugin: %s", path, why);
		return r;
	}
	for (size_t i = 0; i < set->n; i++) {
		const struct busalias_plugin *other = set->plugins[i].desc;
		const char *clash = NULL, *what = NULL;

		if (strcmp(other->name, desc->name) == 0) {
			ba_err("%s: plugin '%s' already loaded from %s; ignoring this one", path, desc->name,
			       set->plugins[i].path);
			return -EEXIST;
		}
		/* Two plugins for one table type or one bus: which wins would depend on file names. */
		for (const struct ba_table_type *const *t = desc->tables; t && *t && !clash; t++)
			for (const struct ba_table_type *const *u = other->tables; u && *u; u++)
				if (strcmp((*t)->type, (*u)->type) == 0) {
					clash = (*t)->type, what = "table type";
					break;
				}
		if (!clash && desc->bus && other->bus && desc->bus->sysfs_bus && other->bus->sysfs_bus &&
		    strcmp(desc->bus->sysfs_bus, other->bus->sysfs_bus) == 0)
			clash = desc->bus->sysfs_bus, what = "sysfs bus";
		if (clash) {
			ba_err("%s: plugin '%s' claims the %s '%s', which plugin '%s' (%s) already handles; ignoring "
			       "this one", path, desc->name, what, clash, other->name, set->plugins[i].path);
			return -EEXIST;
		}
	}
	set->plugins = xrealloc(set->plugins, (set->n + 1) * sizeof(*set->plugins));
	set->plugins[set->n++] = (struct ba_plugin){ .path = xstrdup(path), .handle = handle, .desc = desc };
	return 0;
}

int plugin_set_load_dir(struct plugin_set *set, const char *dir, bool require_safe_perms)
{
	DIR *d;
	struct dirent *de;
	char **names = NULL;
	size_t n = 0;
	int r = 0;

	if (require_safe_perms && (r = check_owner_perms(dir, "plugin directory")) < 0)
		return r;
	d = opendir(dir);
	if (!d) {
		r = -errno;
		ba_err("%s: cannot open plugin directory: %s", dir, strerror(-r));
		return r;
	}
	while ((de = readdir(d))) {
		size_t len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len < 4 || strcmp(de->d_name + len - 3, ".so") != 0)
			continue;
		names = xrealloc(names, (n + 1) * sizeof(*names));
		names[n++] = xasprintf("%s/%s", dir, de->d_name);
	}
	closedir(d);
	/* Deterministic: the same directory always yields the same plugin order. */
	if (n)
		qsort(names, n, sizeof(*names), cmp_strp);  /* qsort(NULL, 0) is undefined */
	for (size_t i = 0; i < n; i++) {
		int k = plugin_set_load_file(set, names[i], require_safe_perms);
		if (k < 0 && r == 0)
			r = k;
		free(names[i]);
	}
	free(names);
	if (set->n == 0) {
		ba_err("%s: no usable plugins", dir);
		return r < 0 ? r : -ENOENT;
	}
	return r;
}

void plugin_set_free(struct plugin_set *set)
{
	for (size_t i = 0; i < set->n; i++) {
		/* Under ASan/valgrind keep the code mapped so leak reports can symbolise it. */
		if (set->plugins[i].handle && !getenv("BUSALIAS_NO_DLCLOSE"))
			dlclose(set->plugins[i].handle);
		free(set->plugins[i].path);
	}
	free(set->plugins);
	set->plugins = NULL;
	set->n = 0;
}

const struct ba_table_type *plugin_set_table(const struct plugin_set *set, const char *type, size_t type_len)
{
	for (size_t i = 0; i < set->n; i++)
		for (const struct ba_table_type *const *t = set->plugins[i].desc->tables; t && *t; t++)
			if (strlen((*t)->type) == type_len && memcmp((*t)->type, type, type_len) == 0)
				return *t;
	return NULL;
}
