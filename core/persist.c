// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Persisted overrides: one small file per device in overrides_dir, named BUS:NAME (so the name is
 * itself a DEV argument), holding "key = value" lines (busalias.conf(5)):
 *   driver = vfio-pci      what driver_override is set to (none: unbind only)
 *   module = vfio_pci      what modprobe loads first (absent: nothing to load)
 * The udev rule (busalias udev-apply) and the systemd unit (busalias apply-overrides) read them.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>

#include "admin.h"

#define PERSIST_MAX_BYTES 4096

char *persist_path(const struct ba_config *cfg, const char *bus, const char *name)
{
	if (!valid_name(bus, 64) || strchr(bus, ':') || !valid_name(name, 255)) {
		ba_err("'%s:%s': not a device name that can name a file", bus, name);
		return NULL;
	}
	return xasprintf("%s/%s:%s", cfg->overrides_dir, bus, name);
}

static bool valid_module(const char *s)
{
	return valid_name(s, 255) && s[0] != '-' && !strchr(s, ':');
}

static char *trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

int persist_load(const char *path, struct persisted *p)
{
	_cleanup_close_ int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);
	char buf[PERSIST_MAX_BYTES + 1];
	const char *base = strrchr(path, '/');
	struct stat st;
	size_t n = 0;
	ssize_t k;
	unsigned line = 0;

	memset(p, 0, sizeof(*p));
	if (fd < 0 && errno == ENOENT)
		return -ENOENT;
	if (fd < 0 || fstat(fd, &st) < 0) {
		ba_err("%s: %s", path, strerror(errno));
		return -EINVAL;
	}
	if (!S_ISREG(st.st_mode)) {
		ba_err("%s: not a regular file", path);
		return -EINVAL;
	}
	while (n < sizeof(buf) - 1 && (k = read(fd, buf + n, sizeof(buf) - 1 - n)) > 0)
		n += (size_t)k;
	if (n >= PERSIST_MAX_BYTES) {
		ba_err("%s: longer than %d bytes", path, PERSIST_MAX_BYTES);
		return -EINVAL;
	}
	buf[n] = '\0';
	if (memchr(buf, '\0', n)) {
		ba_err("%s: holds a NUL byte", path);
		return -EINVAL;
	}
	base = base ? base + 1 : path;
	if (snprintf(p->device, sizeof(p->device), "%s", base) >= (int)sizeof(p->device)) {
		ba_err("%s: file name too long", path);
		return -EINVAL;
	}
	for (char *s = buf, *nl; s && *s; s = nl) {
		char *key, *val, *eq;
		nl = strchr(s, '\n');
		if (nl)
			*nl++ = '\0';
		line++;
		key = trim(s);
		if (!key[0] || key[0] == '#')
			continue;
		eq = strchr(key, '=');
		if (!eq) {
			ba_err("%s:%u: expected 'key = value'", path, line);
			return -EINVAL;
		}
		*eq = '\0';
		key = trim(key);
		val = trim(eq + 1);
		if (!strcmp(key, "driver")) {
			if (!valid_module(val)) {
				ba_err("%s:%u: invalid driver name", path, line);
				return -EINVAL;
			}
			snprintf(p->driver, sizeof(p->driver), "%s", val);
		} else if (!strcmp(key, "module")) {
			if (!valid_module(val)) {
				ba_err("%s:%u: invalid module name", path, line);
				return -EINVAL;
			}
			snprintf(p->module, sizeof(p->module), "%s", val);
		} else {
			ba_err("%s:%u: unknown key '%s'", path, line, key);
			return -EINVAL;
		}
	}
	if (!p->driver[0]) {
		ba_err("%s: no 'driver =' line", path);
		return -EINVAL;
	}
	return 0;
}

static int make_dir(const char *dir)
{
	_cleanup_free_ char *copy = xstrdup(dir);

	for (char *p = copy + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			if (mkdir(copy, 0755) < 0 && errno != EEXIST)
				return -errno;
			*p = '/';
		}
	return mkdir(copy, 0755) < 0 && errno != EEXIST ? -errno : 0;
}

int persist_save(const struct ba_config *cfg, const struct persisted *p, bool dry_run)
{
	struct strbuf sb = { 0 };
	int r;

	if (!valid_module(p->driver) || (p->module[0] && !valid_module(p->module)) || !valid_name(p->device, 255) ||
	    !strchr(p->device, ':')) {
		ba_err("%s: refusing to persist an invalid override", p->device);
		return -EINVAL;
	}
	strbuf_adds(&sb, "# written by busalias bind --persist; see busalias.conf(5)\n");
	strbuf_addf(&sb, "driver = %s\n", p->driver);
	if (p->module[0])
		strbuf_addf(&sb, "module = %s\n", p->module);
	if (dry_run) {
		printf("would write %s/%s: driver = %s%s%s\n", cfg->overrides_dir, p->device, p->driver,
		       p->module[0] ? ", module = " : "", p->module);
		fflush(stdout);
		strbuf_release(&sb);
		return 0;
	}
	r = make_dir(cfg->overrides_dir);
	if (r == 0) {
		/* Its temporary file is hidden (.BUS:NAME.XXXXXX), and list-overrides skips hidden files. */
		_cleanup_free_ char *path = xasprintf("%s/%s", cfg->overrides_dir, p->device);
		r = write_file_atomic(path, sb.buf, sb.len);
	}
	strbuf_release(&sb);
	if (r < 0) {
		if ((r == -EACCES || r == -EPERM || r == -EROFS) && geteuid() != 0)
			ba_err("%s/%s: needs root (%s)", cfg->overrides_dir, p->device, strerror(-r));
		else
			ba_err("%s/%s: cannot persist the override: %s", cfg->overrides_dir, p->device, strerror(-r));
		return r;
	}
	ba_info("persisted %s: driver %s%s%s (%s/%s)", p->device, p->driver, p->module[0] ? ", module " : "",
		p->module, cfg->overrides_dir, p->device);
	return 0;
}

int persist_remove(const struct ba_config *cfg, const char *bus, const char *name, bool dry_run)
{
	_cleanup_free_ char *path = persist_path(cfg, bus, name);

	if (!path)
		return -EINVAL;
	if (access(path, F_OK) < 0 && errno == ENOENT) {
		ba_info("%s:%s had no persisted override", bus, name);
		return 0;
	}
	if (dry_run) {
		printf("would remove %s\n", path);
		fflush(stdout);
		return 0;
	}
	if (unlink(path) < 0) {
		int r = -errno;
		ba_err("%s: cannot remove: %s%s", path, strerror(-r), geteuid() != 0 && r == -EACCES ? " (needs root)" : "");
		return r;
	}
	ba_info("%s:%s: persisted override removed (%s)", bus, name, path);
	return 0;
}

struct find_module {
	const struct sysfs *sys;
	const char *link;  /* BUS:DRIVER */
	char *out;
	size_t len;
	bool found;
};

static int module_has_driver(void *ud, const char *name)
{
	struct find_module *f = ud;
	_cleanup_free_ char *p = NULL;

	if (!valid_name(name, 255))
		return 0;
	p = xasprintf("module/%s/drivers/%s", name, f->link);
	if (!sysfs_exists(f->sys, p))
		return 0;
	snprintf(f->out, f->len, "%s", name);
	f->found = true;
	return 1;
}

bool driver_module(const struct sysfs *sys, const char *bus, const char *drv, char *out, size_t len)
{
	_cleanup_free_ char *link = xasprintf("bus/%s/drivers/%s/module", bus, drv);
	_cleanup_free_ char *bd = xasprintf("%s:%s", bus, drv);
	struct find_module f = { .sys = sys, .link = bd, .out = out, .len = len };

	if (sysfs_link_name(sys, link, out, len) == 0 && valid_module(out))
		return true;
	sysfs_list(sys, "module", module_has_driver, &f);
	return f.found;
}

void persist_warn_kept(const struct ba_config *cfg, const struct ba_device *dev)
{
	_cleanup_free_ char *p = persist_path(cfg, dev->bus, dev->name);

	if (p && access(p, F_OK) == 0)
		ba_warn("%s:%s still has a persisted override (%s), applied again at boot; restore --persist drops it",
			dev->bus, dev->name, p);
}
