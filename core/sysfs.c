// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * sysfs access relative to a configurable root.  Reads follow the tree as it
 * is; every write goes through sysfs_write(), which either prints it
 * (--dry-run) or hands it to the struct's write function: the real write(2),
 * or in the test suite a simulated kernel.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>

#include "busalias.h"

static char *abs_path(const struct sysfs *s, const char *path)
{
	return xasprintf("%s/%s", s->root, path);
}

int sysfs_read(const struct sysfs *s, const char *path, char *buf, size_t len)
{
	_cleanup_free_ char *p = abs_path(s, path);
	_cleanup_close_ int fd = open(p, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	size_t max = len - 1 < BA_MAX_SYSFS_ATTR ? len - 1 : BA_MAX_SYSFS_ATTR, n = 0;
	char more;
	ssize_t k;

	if (len == 0)
		return -EINVAL;
	if (fd < 0)
		return -errno;
	/* Up to max bytes, then one more to tell a full attribute from an over-long one. */
	while (n < max && (k = read(fd, buf + n, max - n)) != 0) {
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return -errno;
		n += (size_t)k;
	}
	while (n == max && (k = read(fd, &more, 1)) < 0 && errno == EINTR)
		;
	if (n == max && k > 0) {
		ba_warn("%s: longer than %zu bytes, ignored", p, max);
		return -EFBIG;
	}
	buf[n] = '\0';
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\0'))
		buf[--n] = '\0';
	/* One-line attributes only: a NUL or control byte inside is no value the kernel writes. */
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)buf[i] < 0x20 || buf[i] == 0x7f) {
			ba_warn("%s: holds a control character or NUL, ignored", p);
			buf[0] = '\0';
			return -EINVAL;
		}
	return (int)n;
}

int sysfs_resolve(const struct sysfs *s, const char *path, char *buf, size_t len)
{
	_cleanup_free_ char *p = abs_path(s, path);
	char root[PATH_MAX], real[PATH_MAX];
	size_t rl;

	if (!realpath(s->root, root) || !realpath(p, real))
		return -errno;
	rl = strlen(root);
	if (rl == 1)
		rl = 0; /* root "/" */
	/* A link leading out of the sysfs root is not a device of it. */
	if (strncmp(real, root, rl) != 0 || (real[rl] != '/' && real[rl] != '\0'))
		return -EXDEV;
	if (snprintf(buf, len, "%s", real[rl] ? real + rl + 1 : "") >= (int)len)
		return -ENAMETOOLONG;
	return 0;
}

bool sysfs_exists(const struct sysfs *s, const char *path)
{
	_cleanup_free_ char *p = abs_path(s, path);

	return access(p, F_OK) == 0;
}

int sysfs_link_name(const struct sysfs *s, const char *path, char *buf, size_t len)
{
	_cleanup_free_ char *p = abs_path(s, path);
	char target[PATH_MAX];
	ssize_t n = readlink(p, target, sizeof(target) - 1);
	const char *base;

	if (n < 0)
		return -errno;
	target[n] = '\0';
	base = strrchr(target, '/');
	base = base ? base + 1 : target;
	if (snprintf(buf, len, "%s", base) >= (int)len)
		return -ENAMETOOLONG;
	return 0;
}

int sysfs_list(const struct sysfs *s, const char *dir, int (*fn)(void *ud, const char *name), void *ud)
{
	_cleanup_free_ char *p = abs_path(s, dir);
	DIR *d = opendir(p);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0;
	int r = 0;

	if (!d)
		return -errno;
	while ((de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		names = xrealloc(names, (n + 1) * sizeof(*names));
		names[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof(*names), cmp_strp);
	for (size_t i = 0; i < n; i++) {
		if (r == 0)
			r = fn(ud, names[i]);
		free(names[i]);
	}
	free(names);
	return r;
}

int sysfs_write_real(void *data, const char *root, const char *path, const char *value)
{
	_cleanup_free_ char *p = xasprintf("%s/%s", root, path);
	/* Never create: a missing attribute is an error, not a new file.  Never follow a final symlink. */
	_cleanup_close_ int fd = open(p, O_WRONLY | O_CLOEXEC | O_NOFOLLOW | O_TRUNC);
	size_t len = strlen(value);
	ssize_t n;

	if (fd < 0)
		return -errno;
	/* sysfs takes one write(2) as one store: never split it. */
	do
		n = write(fd, value, len);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return -errno;
	return (size_t)n == len ? 0 : -EIO;
}

/* A write's step, by the name the step messages use: the attribute's, clearing driver_override ("\n") apart. */
static const char *write_step_name(const char *path, const char *value)
{
	static const char *const writes[] = STEP_WRITES;
	const char *base = strrchr(path, '/');

	base = base ? base + 1 : path;
	if (!strcmp(base, STEP_DRIVER_OVERRIDE) && !strcmp(value, "\n"))
		return STEP_CLEAR_DRIVER_OVERRIDE;
	for (size_t i = 0; i < ARRAY_SIZE(writes); i++)
		if (!strcmp(base, writes[i]))
			return writes[i];
	return base;
}

void plan_add_verify(struct plan *p, const struct sysfs *s, const char *devpath, const char *driver, bool is_driver)
{
	_cleanup_free_ char *link = xasprintf("%s/%s/driver", s->root, devpath);
	_cleanup_free_ char *want = xasprintf("%s%s", is_driver ? "" : "!", driver);

	plan_add(p, STEP_VERIFY, (const char *const[]){ link, want, NULL });
}

int sysfs_write(const struct sysfs *s, const char *path, const char *value)
{
	if (s->dry_run && s->plan) {
		_cleanup_free_ char *abs = xasprintf("%s/%s", s->root, path);
		plan_add(s->plan, write_step_name(path, value), (const char *const[]){ abs, value, NULL });
		return 0;
	}
	if (s->dry_run) {
		/* Escaped: a value is often "\n" (clearing driver_override), which printed raw would break the line. */
		struct strbuf esc = { 0 };
		for (const char *c = value; *c; c++) {
			unsigned char u = (unsigned char)*c;
			if (u == '\n')
				strbuf_adds(&esc, "\\n");
			else if (u == '\\' || u == '\'')
				strbuf_addf(&esc, "\\%c", u);
			else if (u < 0x20 || u == 0x7f)
				strbuf_addf(&esc, "\\x%02x", u);
			else
				strbuf_add(&esc, c, 1);
		}
		strbuf_add(&esc, "", 0);
		printf("would write '%s' to %s/%s\n", esc.buf, s->root, path);
		strbuf_release(&esc);
		/* Keep the plan in order with the step messages on stderr. */
		fflush(stdout);
		return 0;
	}
	return s->write(s->write_data, s->root, path, value);
}

static int view_read(const struct ba_sysfs *v, const char *path, char *buf, size_t len)
{
	return sysfs_read(v->priv, path, buf, len);
}

static int view_resolve(const struct ba_sysfs *v, const char *path, char *buf, size_t len)
{
	return sysfs_resolve(v->priv, path, buf, len);
}

static int view_list(const struct ba_sysfs *v, const char *dir, int (*fn)(void *ud, const char *name), void *ud)
{
	return sysfs_list(v->priv, dir, fn, ud);
}

void sysfs_init(struct sysfs *s, const char *root, bool dry_run)
{
	s->root = root;
	s->dry_run = dry_run;
	s->write = sysfs_write_real;
	s->write_data = NULL;
	s->plan = NULL;
	s->view = (struct ba_sysfs){ .struct_size = sizeof(s->view), .priv = s, .read = view_read,
				     .resolve = view_resolve, .list = view_list };
}

void sysfs_init_config(struct sysfs *s, const struct ba_config *cfg, bool dry_run)
{
	sysfs_init(s, cfg->sysfs_root, dry_run);
	if (cfg->sysfs_write) {
		s->write = cfg->sysfs_write;
		s->write_data = cfg->sysfs_write_data;
	}
}
