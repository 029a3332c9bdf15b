// SPDX-License-Identifier: LGPL-2.1-or-later
/* busalias.conf(5), parsed with inih; every bad line is reported as file:line. */
#include <errno.h>
#include <ini.h>
#include <math.h>
#include <string.h>

#include "busalias.h"

void config_set(char **field, const char *value)
{
	/* Copied before the old value is freed: value may be it (ba_ctx_set_option(ctx, key,
	 * ba_ctx_get_option(ctx, key))). */
	char *copy = value ? xstrdup(value) : NULL;

	free(*field);
	*field = copy;
}

void config_add_plugin_dir(struct ba_config *c, const char *dir)
{
	c->added_plugin_dirs = xrealloc(c->added_plugin_dirs, (c->n_added_plugin_dirs + 1) * sizeof(char *));
	c->added_plugin_dirs[c->n_added_plugin_dirs++] = xstrdup(dir);
}

void config_init(struct ba_config *c)
{
	memset(c, 0, sizeof(*c));
	config_set(&c->plugin_dir, BUSALIAS_PLUGIN_DIR);
	config_set(&c->basedir, "");
	config_set(&c->sysfs_root, "/sys");
	config_set(&c->lock_dir, "/run/busalias");
	config_set(&c->modprobe, "/sbin/modprobe");
	config_set(&c->overrides_dir, BUSALIAS_OVERRIDES_DIR);
	c->lock_timeout = 30;
	/* prefix stays NULL: then the bus plugin's match_prefix, then "vfio_". */
}

void config_release(struct ba_config *c)
{
	char **fields[] = { &c->plugin_dir, &c->basedir, &c->kernel, &c->moduledir, &c->module_root, &c->alias_file,
			    &c->sysfs_root, &c->lock_dir, &c->modprobe, &c->prefix, &c->overrides_dir, &c->pci_ids };

	for (size_t i = 0; i < ARRAY_SIZE(fields); i++)
		config_set(fields[i], NULL);
	for (size_t i = 0; i < c->n_added_plugin_dirs; i++)
		free(c->added_plugin_dirs[i]);
	free(c->added_plugin_dirs);
	c->added_plugin_dirs = NULL;
	c->n_added_plugin_dirs = 0;
}

struct parse_state {
	struct ba_config *cfg;
	const char *path;
	FILE *f;
	unsigned line;
	int errors;
	char *buf;  /* getline()'s */
	size_t buf_size;
};

/*
 * inih's reader: whole lines, counted.  inih reads into a fixed buffer
 * (INI_MAX_LINE) and would parse the rest of a longer line as a line of its
 * own: a long comment became a "syntax error" and every later line number was
 * off.  So a line that does not fit is handed over as a comment (if it is one)
 * or reported here and replaced by an empty line.
 */
static char *read_line(char *buf, int size, void *stream)
{
	struct parse_state *ps = stream;
	ssize_t n = getline(&ps->buf, &ps->buf_size, ps->f);
	const char *p;

	if (n < 0)
		return NULL;
	ps->line++;
	if (n < size) {
		memcpy(buf, ps->buf, (size_t)n + 1);
		return buf;
	}
	p = ps->buf + strspn(ps->buf, " \t");
	if (*p != ';' && *p != '#' && p[strspn(p, " \t\r\n")] != '\0') {
		ba_err("%s:%u: line longer than %d bytes", ps->path, ps->line, size - 2);
		ps->errors++;
	}
	snprintf(buf, (size_t)size, "\n");
	return buf;
}

static bool parse_bool(const char *v, bool *out)
{
	if (!strcmp(v, "1") || !strcasecmp(v, "true") || !strcasecmp(v, "yes") || !strcasecmp(v, "on"))
		*out = true;
	else if (!strcmp(v, "0") || !strcasecmp(v, "false") || !strcasecmp(v, "no") || !strcasecmp(v, "off"))
		*out = false;
	else
		return false;
	return true;
}

int parse_seconds(const char *s, double *out)
{
	char *end;
	double v;

	/* Plain decimal only: no hex, no "inf", no "nan", nothing after the number. */
	if (!s[0] || strspn(s, "0123456789.") != strlen(s))
		return -EINVAL;
	errno = 0;
	v = strtod(s, &end);
	/* A year is more than anyone means; beyond it the deadline arithmetic loses precision. */
	if (errno || *end || end == s || !isfinite(v) || v < 0 || v > 366 * 86400.0)
		return -EINVAL;
	*out = v;
	return 0;
}

static int on_pair(void *user, const char *section, const char *key, const char *value)
{
	struct parse_state *ps = user;
	struct ba_config *c = ps->cfg;
	static const struct {
		const char *section, *key;
		size_t offset;
		bool absolute_path;
	} keys[] = {
		{ "core", "plugin_dir", offsetof(struct ba_config, plugin_dir), true },
		{ "modules", "basedir", offsetof(struct ba_config, basedir), false },
		{ "modules", "kernel", offsetof(struct ba_config, kernel), false },
		{ "modules", "moduledir", offsetof(struct ba_config, moduledir), false },
		{ "modules", "module_root", offsetof(struct ba_config, module_root), true },
		{ "modules", "alias_file", offsetof(struct ba_config, alias_file), true },
		{ "bind", "sysfs_root", offsetof(struct ba_config, sysfs_root), true },
		{ "bind", "lock_dir", offsetof(struct ba_config, lock_dir), true },
		{ "bind", "modprobe", offsetof(struct ba_config, modprobe), true },
		{ "bind", "prefix", offsetof(struct ba_config, prefix), false },
		{ "bind", "overrides_dir", offsetof(struct ba_config, overrides_dir), true },
		{ "status", "pci_ids", offsetof(struct ba_config, pci_ids), false },
	};

	if (!strcmp(section, "output") && !strcmp(key, "quiet")) {
		if (!parse_bool(value, &c->quiet)) {
			ba_err("%s:%u: [output] quiet: expected true or false, got '%s'", ps->path, ps->line, value);
			ps->errors++;
		}
		return 1;
	}
	/* Repeatable: each line adds a directory. */
	if (!strcmp(section, "core") && !strcmp(key, "add_plugin_dir")) {
		if (value[0] != '/') {
			ba_err("%s:%u: [core] add_plugin_dir: expected an absolute path, got '%s'", ps->path, ps->line,
			       value);
			ps->errors++;
		} else {
			config_add_plugin_dir(c, value);
		}
		return 1;
	}
	if (!strcmp(section, "modules") && !strcmp(key, "moduledir") && !value[0]) {
		ba_err("%s:%u: [modules] moduledir: expected a directory, got ''", ps->path, ps->line);
		ps->errors++;
		return 1;
	}
	if (!strcmp(section, "bind") && !strcmp(key, "lock_timeout")) {
		if (parse_seconds(value, &c->lock_timeout) < 0) {
			ba_err("%s:%u: [bind] lock_timeout: expected seconds (0 or more), got '%s'", ps->path, ps->line,
			       value);
			ps->errors++;
		}
		return 1;
	}
	for (size_t i = 0; i < ARRAY_SIZE(keys); i++) {
		if (strcmp(section, keys[i].section) || strcmp(key, keys[i].key))
			continue;
		if (keys[i].absolute_path && value[0] != '/') {
			ba_err("%s:%u: [%s] %s: expected an absolute path, got '%s'", ps->path, ps->line, section, key,
			       value);
			ps->errors++;
			return 1;
		}
		config_set((char **)((char *)c + keys[i].offset), value);
		return 1;
	}
	ba_err("%s:%u: unknown key '%s' in section [%s]", ps->path, ps->line, key, section);
	ps->errors++;
	return 1;
}

int config_load_stream(struct ba_config *c, FILE *f, const char *path)
{
	struct parse_state ps = { .cfg = c, .path = path, .f = f };
	int r;

	r = ini_parse_stream(read_line, &ps, on_pair, &ps);
	free(ps.buf);
	if (r > 0) {
		/* inih's own syntax error (no '=', unterminated section). */
		ba_err("%s:%d: syntax error", path, r);
		ps.errors++;
	} else if (r < 0) {
		ba_err("%s: cannot parse configuration", path);
		ps.errors++;
	}
	/* getline() ends on a read error as on the end of the file: a directory is no empty config. */
	if (ferror(f)) {
		ba_err("%s: cannot read: %s", path, strerror(errno ? errno : EIO));
		ps.errors++;
	}
	return ps.errors ? -EINVAL : 0;
}

int config_load(struct ba_config *c, const char *path)
{
	FILE *f = fopen(path, "re");
	int r;

	if (!f)
		return -errno;
	r = config_load_stream(c, f, path);
	fclose(f);
	return r;
}
