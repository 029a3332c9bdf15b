// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * dlopen()s bus plugins and checks their descriptors before anything else is used.
 *
 * dlopen() is most of what a command that needs one bus or one table type spends: about 0.1 ms a
 * plugin, 5 ms for all 45.  A directory's plugins.index (written by `busalias plugins
 * --write-index` when the plugins are built and installed) says what each of its plugins declares;
 * while every *.so there is the size and time the index lists, a lazy set dlopen()s a plugin only
 * when its table type or bus is first asked for.  The index is a hint: every plugin loaded is
 * checked as always, and one that does not declare what the index says makes the set load all.
 */
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
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

#define INDEX_HEADER "# busalias plugins.index 1"

/* A plugin the index describes, not dlopen()ed yet. */
struct deferred_plugin {
	char *path, *name, *bus;  /* bus: NULL for none */
	char **types;
	size_t n_types;
	bool require_safe_perms;
	bool tried;               /* loaded, or refused when loaded */
};

struct plugin_index {
	pthread_mutex_t lock;     /* plugin_set_table() runs in gen's worker threads */
	struct deferred_plugin *v;
	size_t n;
};

static void deferred_release(struct deferred_plugin *d)
{
	free(d->path);
	free(d->name);
	free(d->bus);
	for (size_t i = 0; i < d->n_types; i++)
		free(d->types[i]);
	free(d->types);
}

static bool deferred_has_type(const struct deferred_plugin *d, const char *type, size_t type_len)
{
	for (size_t i = 0; i < d->n_types; i++)
		if (strlen(d->types[i]) == type_len && memcmp(d->types[i], type, type_len) == 0)
			return true;
	return false;
}

static bool plugin_has_type(const struct busalias_plugin *p, const char *type, size_t type_len)
{
	for (const struct ba_table_type *const *t = p->tables; t && *t; t++)
		if (strlen((*t)->type) == type_len && memcmp((*t)->type, type, type_len) == 0)
			return true;
	return false;
}

/* Does the loaded descriptor declare what the index said of it? */
static bool deferred_describes(const struct deferred_plugin *d, const struct busalias_plugin *p)
{
	size_t n = 0;

	if (strcmp(d->name, p->name) != 0)
		return false;
	if ((d->bus != NULL) != (p->bus && p->bus->sysfs_bus) || (d->bus && strcmp(d->bus, p->bus->sysfs_bus) != 0))
		return false;
	for (const struct ba_table_type *const *t = p->tables; t && *t; t++, n++)
		if (!deferred_has_type(d, (*t)->type, strlen((*t)->type)))
			return false;
	return n == d->n_types;
}

static int load_all_deferred_locked(struct plugin_set *set, bool buses_only);

/* Called with the index locked. */
static int load_deferred(struct plugin_set *set, struct deferred_plugin *d)
{
	int r;

	if (d->tried)
		return 0;
	d->tried = true;
	r = plugin_set_load_file(set, d->path, d->require_safe_perms);
	if (r < 0) {
		set->late_errors++;
		return r;
	}
	if (!deferred_describes(d, set->plugins[set->n - 1].desc)) {
		ba_err("%s: the plugin declares other table types or another bus than %s says; loading every plugin",
		       d->path, PLUGIN_INDEX_NAME);
		set->late_errors++;
		load_all_deferred_locked(set, false);
		return -EINVAL;
	}
	return 0;
}

static int load_all_deferred_locked(struct plugin_set *set, bool buses_only)
{
	int r = 0;

	for (size_t i = 0; set->index && i < set->index->n; i++) {
		struct deferred_plugin *d = &set->index->v[i];
		if (!d->tried && (!buses_only || d->bus)) {
			int k = load_deferred(set, d);
			if (k < 0 && r == 0)
				r = k;
		}
	}
	return r;
}

static int load_all_deferred(struct plugin_set *set, bool buses_only)
{
	int r;

	if (!set->index)
		return 0;
	pthread_mutex_lock(&set->index->lock);
	r = load_all_deferred_locked(set, buses_only);
	pthread_mutex_unlock(&set->index->lock);
	return r;
}

int plugin_set_load_buses(struct plugin_set *set)
{
	return load_all_deferred(set, true);
}

int plugin_set_load_all(struct plugin_set *set)
{
	return load_all_deferred(set, false);
}

/* Would a plugin of this name, types and bus clash with one loaded or deferred already? */
static bool clashes(const struct plugin_set *set, const struct deferred_plugin *d)
{
	for (size_t i = 0; i < set->n; i++) {
		const struct busalias_plugin *p = set->plugins[i].desc;
		if (strcmp(p->name, d->name) == 0 ||
		    (d->bus && p->bus && p->bus->sysfs_bus && strcmp(d->bus, p->bus->sysfs_bus) == 0))
			return true;
		for (size_t k = 0; k < d->n_types; k++)
			if (plugin_has_type(p, d->types[k], strlen(d->types[k])))
				return true;
	}
	for (size_t i = 0; set->index && i < set->index->n; i++) {
		const struct deferred_plugin *e = &set->index->v[i];
		if (strcmp(e->name, d->name) == 0 || (d->bus && e->bus && strcmp(d->bus, e->bus) == 0))
			return true;
		for (size_t k = 0; k < d->n_types; k++)
			if (deferred_has_type(e, d->types[k], strlen(d->types[k])))
				return true;
	}
	return false;
}

/* "a,b,c" (or "-") -> the list. */
static void split_types(char *s, struct deferred_plugin *d)
{
	if (strcmp(s, "-") == 0)
		return;
	for (char *save = NULL, *t = strtok_r(s, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		d->types = xrealloc(d->types, (d->n_types + 1) * sizeof(*d->types));
		d->types[d->n_types++] = xstrdup(t);
	}
}

/*
 * Defer the plugins paths[0..n) of dir when dir's index describes exactly those files, as they are
 * now, and none of them would clash with a plugin the set has: true.  Otherwise false, and nothing
 * changed (the caller loads the directory as usual).
 */
static bool defer_from_index(struct plugin_set *set, const char *dir, char **paths, size_t n, bool require_safe_perms)
{
	_cleanup_free_ char *path = xasprintf("%s/%s", dir, PLUGIN_INDEX_NAME), *text = NULL;
	struct deferred_plugin *v = xcalloc(n, sizeof(*v));
	size_t found = 0, line_no = 0;
	bool ok = false;
	struct stat st;

	if (stat(path, &st) < 0 || !S_ISREG(st.st_mode))
		goto out;
	/* As root, an index anyone could write could hide a plugin: then the directory is read as usual. */
	if (require_safe_perms && geteuid() == 0 &&
	    ((st.st_uid != 0 && st.st_uid != geteuid()) || (st.st_mode & (S_IWGRP | S_IWOTH))))
		goto out;
	if (read_text_file(path, &text) < 0)
		goto out;
	for (char *save = NULL, *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *f[7], *fs = NULL;
		struct stat ps;
		size_t i, k = 0;

		if (line_no++ == 0) {
			if (strcmp(line, INDEX_HEADER) != 0)
				goto out;
			continue;
		}
		for (char *t = strtok_r(line, "\t", &fs); t && k < 7; t = strtok_r(NULL, "\t", &fs))
			f[k++] = t;
		if (k != 7 || strtok_r(NULL, "\t", &fs))
			goto out;
		for (i = 0; i < n; i++) {
			const char *base = strrchr(paths[i], '/');
			if (strcmp(base ? base + 1 : paths[i], f[0]) == 0)
				break;
		}
		/* A file it names that is gone, named twice, or changed since: stale. */
		if (i == n || v[i].path || stat(paths[i], &ps) < 0 ||
		    strtoull(f[1], NULL, 10) != (unsigned long long)ps.st_size ||
		    strtoll(f[2], NULL, 10) != (long long)ps.st_mtim.tv_sec ||
		    strtol(f[3], NULL, 10) != ps.st_mtim.tv_nsec)
			goto out;
		v[i] = (struct deferred_plugin){
			.path = xstrdup(paths[i]), .name = xstrdup(f[4]),
			.bus = strcmp(f[5], "-") ? xstrdup(f[5]) : NULL, .require_safe_perms = require_safe_perms,
		};
		split_types(f[6], &v[i]);
		found++;
	}
	/* A plugin it does not name (added since): stale. */
	if (found != n)
		goto out;
	for (size_t i = 0; i < n; i++)
		if (clashes(set, &v[i]))
			goto out;
	if (!set->index) {
		set->index = xcalloc(1, sizeof(*set->index));
		pthread_mutex_init(&set->index->lock, NULL);
	}
	set->index->v = xrealloc(set->index->v, (set->index->n + n) * sizeof(*v));
	memcpy(set->index->v + set->index->n, v, n * sizeof(*v));
	set->index->n += n;
	ok = true;
out:
	if (!ok)
		for (size_t i = 0; i < n; i++)
			deferred_release(&v[i]);
	free(v);
	return ok;
}

/* An index line's field: no tab, newline, comma or control byte, not empty, not "-". */
static bool index_word(const char *s)
{
	if (!s || !*s || strcmp(s, "-") == 0)
		return false;
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == ',' || *s == 0x7f)
			return false;
	return true;
}

int plugin_set_write_index(const struct plugin_set *set, const char *dir)
{
	_cleanup_free_ char *path = xasprintf("%s/%s", dir, PLUGIN_INDEX_NAME);
	struct strbuf sb = { 0 };
	size_t dlen = strlen(dir);
	int r = 0;

	strbuf_adds(&sb, INDEX_HEADER "\n");
	for (size_t i = 0; i < set->n && r == 0; i++) {
		const struct ba_plugin *pl = &set->plugins[i];
		const struct busalias_plugin *p = pl->desc;
		const char *base = pl->path + dlen + 1;
		struct stat st;

		/* Only this directory's plugins: an index describes its own directory. */
		if (strncmp(pl->path, dir, dlen) != 0 || pl->path[dlen] != '/' || strchr(base, '/'))
			continue;
		if (stat(pl->path, &st) < 0) {
			r = -errno;
			ba_err("%s: %s", pl->path, strerror(-r));
			break;
		}
		if (!index_word(base) || !index_word(p->name) ||
		    (p->bus && p->bus->sysfs_bus && !index_word(p->bus->sysfs_bus))) {
			ba_err("%s: a name of this plugin cannot be written to %s", pl->path, PLUGIN_INDEX_NAME);
			r = -EINVAL;
			break;
		}
		strbuf_addf(&sb, "%s\t%llu\t%lld\t%ld\t%s\t%s\t", base, (unsigned long long)st.st_size,
			    (long long)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec, p->name,
			    p->bus && p->bus->sysfs_bus ? p->bus->sysfs_bus : "-");
		if (!p->tables || !p->tables[0])
			strbuf_adds(&sb, "-");
		for (const struct ba_table_type *const *t = p->tables; t && *t; t++) {
			if (!index_word((*t)->type)) {
				ba_err("%s: table type '%s' cannot be written to %s", pl->path, (*t)->type,
				       PLUGIN_INDEX_NAME);
				r = -EINVAL;
				break;
			}
			strbuf_addf(&sb, "%s%s", t == p->tables ? "" : ",", (*t)->type);
		}
		strbuf_adds(&sb, "\n");
	}
	if (r == 0 && (r = write_file_replace(path, sb.buf, sb.len)) < 0)
		ba_err("%s: cannot write: %s", path, strerror(-r));
	strbuf_release(&sb);
	return r;
}

int plugin_set_load_dir(struct plugin_set *set, const char *dir, bool require_safe_perms)
{
	DIR *d;
	struct dirent *de;
	char **names = NULL;
	size_t n = 0;
	int r = 0, k_deferred;

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
	if (n && set->lazy && defer_from_index(set, dir, names, n, require_safe_perms)) {
		for (size_t i = 0; i < n; i++)
			free(names[i]);
		free(names);
		return 0;
	}
	/* Loaded as usual, every deferred plugin first: a clash is then reported as without an index. */
	if (n && (k_deferred = load_all_deferred(set, false)) < 0 && r == 0)
		r = k_deferred;
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
	if (set->index) {
		for (size_t i = 0; i < set->index->n; i++)
			deferred_release(&set->index->v[i]);
		free(set->index->v);
		pthread_mutex_destroy(&set->index->lock);
		free(set->index);
		set->index = NULL;
	}
}

static const struct ba_table_type *loaded_table(const struct plugin_set *set, const char *type, size_t type_len)
{
	for (size_t i = 0; i < set->n; i++)
		for (const struct ba_table_type *const *t = set->plugins[i].desc->tables; t && *t; t++)
			if (strlen((*t)->type) == type_len && memcmp((*t)->type, type, type_len) == 0)
				return *t;
	return NULL;
}

const struct ba_table_type *plugin_set_table(const struct plugin_set *set, const char *type, size_t type_len)
{
	/* Loading on demand adds to the set, not to what it stands for: callers hold it const. */
	struct plugin_set *s = (struct plugin_set *)set;
	const struct ba_table_type *tt;

	if (!set->index)
		return loaded_table(set, type, type_len);
	pthread_mutex_lock(&s->index->lock);
	tt = loaded_table(set, type, type_len);
	for (size_t i = 0; !tt && i < s->index->n; i++) {
		struct deferred_plugin *d = &s->index->v[i];
		if (!d->tried && deferred_has_type(d, type, type_len)) {
			load_deferred(s, d);
			tt = loaded_table(set, type, type_len);
		}
	}
	pthread_mutex_unlock(&s->index->lock);
	return tt;
}
