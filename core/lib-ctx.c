// SPDX-License-Identifier: LGPL-2.1-or-later
/* The library context: settings, plugins, log (busalias_ctx(3)). */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <syslog.h>

#include "cmdline.h"
#include "libbusalias-private.h"

BA_EXPORT struct ba_ctx *ba_ctx_new(void)
{
	struct ba_ctx *ctx = calloc(1, sizeof(*ctx));

	if (!ctx)
		return NULL;
	ctx->refcount = 1;
	ba_log_init(&ctx->log);
	ctx->log.priority = LOG_WARNING;
	config_init(&ctx->cfg);
	/* With a plugins.index, a plugin is dlopen()ed when first needed (a table type, a bus). */
	ctx->plugins.lazy = true;
	return ctx;
}

BA_EXPORT struct ba_ctx *ba_ctx_ref(struct ba_ctx *ctx)
{
	if (ctx)
		__atomic_fetch_add(&ctx->refcount, 1, __ATOMIC_RELAXED);
	return ctx;
}

BA_EXPORT struct ba_ctx *ba_ctx_unref(struct ba_ctx *ctx)
{
	if (!ctx || __atomic_sub_fetch(&ctx->refcount, 1, __ATOMIC_ACQ_REL) > 0)
		return NULL;
	plugin_set_free(&ctx->plugins);
	config_release(&ctx->cfg);
	free(ctx);
	return NULL;
}

BA_EXPORT void ba_ctx_set_log_fn(struct ba_ctx *ctx, ba_log_fn *fn, void *data)
{
	ctx->log.fn = fn;
	ctx->log.data = data;
}

BA_EXPORT void ba_ctx_set_log_priority(struct ba_ctx *ctx, int priority)
{
	ctx->log.priority = priority;
}

BA_EXPORT int ba_ctx_get_log_priority(const struct ba_ctx *ctx)
{
	return ctx->log.priority;
}

BA_EXPORT unsigned long ba_ctx_get_warning_count(const struct ba_ctx *ctx)
{
	return ba_log_warnings(&ctx->log);
}

BA_EXPORT int ba_ctx_load_config(struct ba_ctx *ctx, const char *path)
{
	CTX_LOG_SCOPE(ctx);
	struct stat st;
	FILE *f;
	int r;

	if (!path)
		return -EINVAL;
	f = fopen(path, "re");
	if (!f) {
		r = -errno;
		if (r != -ENOENT)
			ba_err("%s: %s", path, strerror(-r));
		return r;
	}
	/* fopen() opens a directory; reading it fails, which inih would take for an empty file. */
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		ba_err("%s: %s", path, strerror(EISDIR));
		fclose(f);
		return -EISDIR;
	}
	r = config_load_stream(&ctx->cfg, f, path);
	fclose(f);
	if (ctx->cfg.quiet && ctx->log.priority > LOG_ERR)
		ctx->log.priority = LOG_ERR;
	return r;
}

/* The string settings, by their busalias.conf(5) key. */
static char **string_option(struct ba_config *c, const char *key, bool *optional)
{
	static const struct {
		const char *key;
		size_t offset;
		bool optional;
	} keys[] = {
		{ "plugin_dir", offsetof(struct ba_config, plugin_dir), false },
		{ "basedir", offsetof(struct ba_config, basedir), false },
		{ "kernel", offsetof(struct ba_config, kernel), true },
		{ "moduledir", offsetof(struct ba_config, moduledir), true },
		{ "module_root", offsetof(struct ba_config, module_root), true },
		{ "alias_file", offsetof(struct ba_config, alias_file), true },
		{ "sysfs_root", offsetof(struct ba_config, sysfs_root), false },
		{ "lock_dir", offsetof(struct ba_config, lock_dir), false },
		{ "modprobe", offsetof(struct ba_config, modprobe), false },
		{ "prefix", offsetof(struct ba_config, prefix), true },
		{ "pci_ids", offsetof(struct ba_config, pci_ids), true },
		{ "overrides_dir", offsetof(struct ba_config, overrides_dir), false },
	};

	for (size_t i = 0; i < ARRAY_SIZE(keys); i++)
		if (!strcmp(keys[i].key, key)) {
			*optional = keys[i].optional;
			return (char **)((char *)c + keys[i].offset);
		}
	return NULL;
}

BA_EXPORT int ba_ctx_set_option(struct ba_ctx *ctx, const char *key, const char *value)
{
	CTX_LOG_SCOPE(ctx);
	bool optional = false;
	char **field;

	if (!key)
		return -EINVAL;
	if ((!strcmp(key, "plugin_dir") || !strcmp(key, "add_plugin_dir")) && ctx->plugins_loaded)
		return -EBUSY;
	if (!strcmp(key, "add_plugin_dir")) {
		if (!value)
			return -EINVAL;
		config_add_plugin_dir(&ctx->cfg, value);
		return 0;
	}
	if (!strcmp(key, "lock_timeout")) {
		if (!value || parse_seconds(value, &ctx->cfg.lock_timeout) < 0) {
			ba_err("lock_timeout: expected seconds (0 or more), got '%s'", value ? value : "(null)");
			return -EINVAL;
		}
		return 0;
	}
	field = string_option(&ctx->cfg, key, &optional);
	if (!field) {
		ba_err("unknown setting '%s'", key);
		return -EINVAL;
	}
	if (!value && !optional) {
		ba_err("%s: a value is required", key);
		return -EINVAL;
	}
	if (value && (!strcmp(key, "sysfs_root") || !strcmp(key, "overrides_dir")) && value[0] != '/') {
		ba_err("%s must be an absolute path", key);
		return -EINVAL;
	}
	if (value && !strcmp(key, "prefix") && strpbrk(value, "/\n*?[")) {
		ba_err("prefix: invalid prefix '%s'", value);
		return -EINVAL;
	}
	config_set(field, value);
	return 0;
}

BA_EXPORT const char *ba_ctx_get_option(const struct ba_ctx *ctx, const char *key)
{
	bool optional;
	char **field = key ? string_option((struct ba_config *)&ctx->cfg, key, &optional) : NULL;

	return field ? *field : NULL;
}

BA_EXPORT void ba_ctx_set_sysfs_write_fn(struct ba_ctx *ctx, ba_sysfs_write_fn *fn, void *data)
{
	ctx->cfg.sysfs_write = fn;
	ctx->cfg.sysfs_write_data = data;
}

int ctx_plugins(struct ba_ctx *ctx)
{
	if (!ctx->plugins_loaded) {
		ctx->plugins_status = load_plugins(&ctx->plugins, &ctx->cfg);
		ctx->plugins_loaded = true;
	}
	return ctx->plugins_status;
}

int ctx_bus_plugins(struct ba_ctx *ctx)
{
	int r = ctx_plugins(ctx);

	if (r >= 0)
		plugin_set_load_buses(&ctx->plugins);
	return r;
}

BA_EXPORT int ba_ctx_load_plugins(struct ba_ctx *ctx)
{
	CTX_LOG_SCOPE(ctx);

	return ctx_plugins(ctx);
}

BA_EXPORT unsigned ba_ctx_get_plugin_errors(const struct ba_ctx *ctx)
{
	return __atomic_load_n(&ctx->plugins.late_errors, __ATOMIC_RELAXED);
}

BA_EXPORT size_t ba_ctx_get_plugin_count(const struct ba_ctx *ctx)
{
	return ctx->plugins.n;
}

BA_EXPORT const char *ba_ctx_get_plugin_name(const struct ba_ctx *ctx, size_t i)
{
	return i < ctx->plugins.n ? ctx->plugins.plugins[i].desc->name : NULL;
}

BA_EXPORT const char *ba_ctx_get_plugin_path(const struct ba_ctx *ctx, size_t i)
{
	return i < ctx->plugins.n ? ctx->plugins.plugins[i].path : NULL;
}

BA_EXPORT int ba_ctx_get_module_path(const struct ba_ctx *ctx, const char *file, char **path, char **alternative)
{
	CTX_LOG_SCOPE((struct ba_ctx *)ctx);

	return module_tree_path(&ctx->cfg, file, path, alternative);
}

BA_EXPORT void ba_ctx_log(struct ba_ctx *ctx, int priority, const char *message)
{
	CTX_LOG_SCOPE(ctx);

	ba_log_printf(priority, "%s", message);
}

/* ---- LIBBUSALIAS_1.1: every plugin, what each declares, the plugins.index ---- */

BA_EXPORT int ba_ctx_load_all_plugins(struct ba_ctx *ctx)
{
	CTX_LOG_SCOPE(ctx);
	int r;

	/* Every plugin is wanted now: an index would only add a second pass over the directory. */
	if (!ctx->plugins_loaded)
		ctx->plugins.lazy = false;
	r = ctx_plugins(ctx);
	if (r < 0)
		return r;
	return plugin_set_load_all(&ctx->plugins) < 0 ? 1 : r;
}

static const struct busalias_plugin *plugin_desc(const struct ba_ctx *ctx, size_t i)
{
	return i < ctx->plugins.n ? ctx->plugins.plugins[i].desc : NULL;
}

BA_EXPORT const char *ba_ctx_get_plugin_description(const struct ba_ctx *ctx, size_t i)
{
	const struct busalias_plugin *p = plugin_desc(ctx, i);

	return p ? p->description : NULL;
}

BA_EXPORT int ba_ctx_get_plugin_abi(const struct ba_ctx *ctx, size_t i, unsigned *major, unsigned *minor)
{
	const struct busalias_plugin *p = plugin_desc(ctx, i);

	if (!p)
		return -ENOENT;
	if (major)
		*major = BUSALIAS_ABI_GET_MAJOR(p->abi_version);
	if (minor)
		*minor = BUSALIAS_ABI_GET_MINOR(p->abi_version);
	return 0;
}

BA_EXPORT const char *ba_ctx_get_plugin_bus(const struct ba_ctx *ctx, size_t i)
{
	const struct busalias_plugin *p = plugin_desc(ctx, i);

	return p && p->bus ? p->bus->sysfs_bus : NULL;
}

BA_EXPORT const char *ba_ctx_get_plugin_match_prefix(const struct ba_ctx *ctx, size_t i)
{
	const struct busalias_plugin *p = plugin_desc(ctx, i);

	return p && p->bus ? p->bus->match_prefix : NULL;
}

BA_EXPORT size_t ba_ctx_get_plugin_table_count(const struct ba_ctx *ctx, size_t i)
{
	const struct busalias_plugin *p = plugin_desc(ctx, i);
	size_t n = 0;

	while (p && p->tables && p->tables[n])
		n++;
	return n;
}

BA_EXPORT const char *ba_ctx_get_plugin_table_type(const struct ba_ctx *ctx, size_t i, size_t j)
{
	return j < ba_ctx_get_plugin_table_count(ctx, i) ? plugin_desc(ctx, i)->tables[j]->type : NULL;
}

BA_EXPORT int ba_ctx_write_plugin_index(struct ba_ctx *ctx)
{
	CTX_LOG_SCOPE(ctx);
	/* The plugin directory alone, all of it, in a set of its own: the context's plugins may come from
	 * several directories or from an index, and an index of a directory with a refused plugin would hide it. */
	struct plugin_set set = { 0 };
	const char *dir = ctx->cfg.plugin_dir;
	int r = plugin_set_load_dir(&set, dir, true);

	if (r == 0)
		r = plugin_set_write_index(&set, dir);
	else
		ba_err("%s: not writing %s: a plugin was refused", dir, PLUGIN_INDEX_NAME);
	plugin_set_free(&set);
	return r;
}
