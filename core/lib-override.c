// SPDX-License-Identifier: LGPL-2.1-or-later
/* Persisted overrides (busalias_override(3)): persist.c's files, applied as bind.c binds. */
#include <errno.h>
#include <string.h>

#include "admin.h"
#include "libbusalias-private.h"

struct ba_override {
	struct ba_ctx *ctx;
	struct persisted p;
};

/* "BUS:NAME" into its halves (bus in buf); false if there is no ':'. */
static bool split_device(const char *device, char *bus, size_t len, const char **name)
{
	const char *colon = strchr(device, ':');

	if (!colon || (size_t)(colon - device) >= len)
		return false;
	memcpy(bus, device, (size_t)(colon - device));
	bus[colon - device] = '\0';
	*name = colon + 1;
	return true;
}

/* The file of device, or NULL after logging why it cannot have one. */
static char *override_path(struct ba_ctx *ctx, const char *device)
{
	char bus[256];
	const char *name;

	if (!split_device(device, bus, sizeof(bus), &name) || !valid_name(device, 255)) {
		_cleanup_free_ char *shown = xasprintf("%s/%s", ctx->cfg.overrides_dir, device);
		for (char *c = shown; *c; c++)
			if ((unsigned char)*c < 0x20 || *c == 0x7f)
				*c = '?';
		ba_err("%s: not named BUS:DEVICE, ignored", shown);
		return NULL;
	}
	return persist_path(&ctx->cfg, bus, name);
}

/* An empty override of device, whose name is checked (*path: its file): 0, -EINVAL or -ENOMEM. */
static int override_alloc(struct ba_ctx *ctx, const char *device, char **path, struct ba_override **out)
{
	struct ba_override *ov;

	*out = NULL;
	*path = device ? override_path(ctx, device) : NULL;
	if (!*path)
		return -EINVAL;
	ov = calloc(1, sizeof(*ov));
	if (!ov)
		return -ENOMEM;
	ov->ctx = ba_ctx_ref(ctx);
	*out = ov;
	return 0;
}

BA_EXPORT int ba_override_load(struct ba_ctx *ctx, const char *device, struct ba_override **out)
{
	CTX_LOG_SCOPE(ctx);
	_cleanup_free_ char *path = NULL;
	struct ba_override *ov;
	int r = override_alloc(ctx, device, &path, &ov);

	if (r < 0)
		return r;
	r = persist_load(path, &ov->p);
	if (r < 0) {
		ba_override_unref(ov);
		return r;
	}
	*out = ov;
	return 0;
}

BA_EXPORT int ba_override_new(struct ba_ctx *ctx, const char *device, const char *driver, const char *module,
			      struct ba_override **out)
{
	CTX_LOG_SCOPE(ctx);
	_cleanup_free_ char *path = NULL;
	struct ba_override *ov;
	int r;

	*out = NULL;
	if (!driver)
		return -EINVAL;
	r = override_alloc(ctx, device, &path, &ov);
	if (r < 0)
		return r;
	snprintf(ov->p.device, sizeof(ov->p.device), "%s", device);
	snprintf(ov->p.driver, sizeof(ov->p.driver), "%s", driver);
	snprintf(ov->p.module, sizeof(ov->p.module), "%s", module ? module : "");
	*out = ov;
	return 0;
}

BA_EXPORT struct ba_override *ba_override_unref(struct ba_override *ov)
{
	if (ov) {
		ba_ctx_unref(ov->ctx);
		free(ov);
	}
	return NULL;
}

BA_EXPORT const char *ba_override_get_device(const struct ba_override *ov)
{
	return ov->p.device;
}

BA_EXPORT const char *ba_override_get_driver(const struct ba_override *ov)
{
	return ov->p.driver;
}

BA_EXPORT const char *ba_override_get_module(const struct ba_override *ov)
{
	return ov->p.module;
}

BA_EXPORT int ba_override_store(struct ba_override *ov, unsigned flags)
{
	CTX_LOG_SCOPE(ov->ctx);

	if (flags & ~(unsigned)BA_BIND_DRY_RUN)
		return -EINVAL;
	return persist_save(&ov->ctx->cfg, &ov->p, flags & BA_BIND_DRY_RUN);
}

BA_EXPORT int ba_override_remove(struct ba_ctx *ctx, const char *device, unsigned flags)
{
	CTX_LOG_SCOPE(ctx);
	char bus[256];
	const char *name;

	if (!device || (flags & ~(unsigned)BA_BIND_DRY_RUN))
		return -EINVAL;
	if (!split_device(device, bus, sizeof(bus), &name)) {
		ba_err("'%s': not a device name that can name a file", device);
		return -EINVAL;
	}
	return persist_remove(&ctx->cfg, bus, name, flags & BA_BIND_DRY_RUN);
}

BA_EXPORT enum ba_override_state ba_override_get_state(const struct ba_override *ov)
{
	CTX_LOG_SCOPE(ov->ctx);
	char bus[256], drv[256] = "";
	const char *name;
	struct sysfs sys;

	if (!split_device(ov->p.device, bus, sizeof(bus), &name))
		return BA_OVERRIDE_ABSENT;
	_cleanup_free_ char *dev = xasprintf("bus/%s/devices/%s", bus, name);
	_cleanup_free_ char *link = xasprintf("%s/driver", dev);
	sysfs_init_config(&sys, &ov->ctx->cfg, true);
	if (!sysfs_exists(&sys, dev))
		return BA_OVERRIDE_ABSENT;
	if (sysfs_link_name(&sys, link, drv, sizeof(drv)) < 0)
		return !strcmp(ov->p.driver, BA_NO_DRIVER) ? BA_OVERRIDE_APPLIED : BA_OVERRIDE_PENDING;
	return !strcmp(drv, ov->p.driver) ? BA_OVERRIDE_APPLIED : BA_OVERRIDE_PENDING;
}

/* bind.c speaks exit statuses; as lib-device.c's from_exit_status(). */
static int override_result(int status, enum ba_bind_outcome *outcome)
{
	enum ba_bind_outcome o = status == BA_EXIT_OK	      ? BA_BIND_DONE
				 : status == BA_EXIT_ROLLEDBACK ? BA_BIND_ROLLED_BACK
				 : status == BA_EXIT_UNSAFE	      ? BA_BIND_UNSAFE
								      : BA_BIND_UNCHANGED;

	if (outcome)
		*outcome = o;
	return status == BA_EXIT_OK ? 0 : status == BA_EXIT_NOMATCH ? -ENOENT : status == BA_EXIT_USAGE ? -EINVAL : -EIO;
}

BA_EXPORT int ba_override_apply(struct ba_override *ov, struct ba_device *dev, unsigned flags,
				enum ba_bind_outcome *outcome)
{
	CTX_LOG_SCOPE(ov->ctx);
	const struct ba_config *cfg = &ov->ctx->cfg;
	struct bind_opts o = {
		.driver = ov->p.module[0] ? ov->p.module : ov->p.driver,
		.dry_run = flags & BA_BIND_DRY_RUN,
		.force = flags & BA_BIND_FORCE,
		.no_load = flags & BA_BIND_NO_LOAD,
		/* Checked when the override was made; at boot the answer is the same or the admin's to give. */
		.no_iommu_check = true,
	};
	struct sysfs sys;
	int lock = -1, status;

	if (outcome)
		*outcome = BA_BIND_UNCHANGED;
	if (flags & ~(unsigned)(BA_BIND_DRY_RUN | BA_BIND_FORCE | BA_BIND_NO_LOAD) || dev->ctx != ov->ctx)
		return -EINVAL;
	if (!o.dry_run && (lock = admin_lock(cfg, dev, "applying an override")) < 0)
		return lock;
	ba_info("%s: applying the persisted override (driver %s)", ov->p.device, ov->p.driver);
	sysfs_init_config(&sys, cfg, o.dry_run);
	status = bind_device(cfg, &sys, dev, &o);
	if (lock >= 0)
		close(lock);
	return override_result(status, outcome);
}

/*
 * udev handles events in parallel, so another device's event may load this device's host driver any
 * moment; with the override written first, before plugins or modules are loaded, that driver cannot
 * take the device.
 */
BA_EXPORT int ba_override_claim(struct ba_ctx *ctx, const char *syspath)
{
	CTX_LOG_SCOPE(ctx);
	char rel[1024], bus[256], ovr[256], drv[256];
	const char *r, *name;
	struct sysfs sys;
	struct persisted p;
	struct strbuf quiet = { 0 };
	_cleanup_free_ char *sub = NULL, *path = NULL, *link = NULL, *op = NULL;
	size_t n;
	int found;

	if (!syspath)
		return -EINVAL;
	sysfs_init_config(&sys, &ctx->cfg, false);
	n = strlen(sys.root);
	if (!strncmp(syspath, sys.root, n) && syspath[n] == '/')
		r = syspath + n + 1;
	else if (!strncmp(syspath, "/sys/", 5))
		r = syspath + 5;
	else
		return 0;
	if (sysfs_resolve(&sys, r, rel, sizeof(rel)) < 0)
		return 0;
	sub = xasprintf("%s/subsystem", rel);
	name = strrchr(rel, '/');
	name = name ? name + 1 : rel;
	if (sysfs_link_name(&sys, sub, bus, sizeof(bus)) < 0 || !valid_name(bus, 64) || !valid_name(name, 255))
		return 0;
	/* Messages about a bad file come once, from the full run after. */
	ba_log_capture(&quiet);
	path = persist_path(&ctx->cfg, bus, name);
	found = path ? persist_load(path, &p) : -EINVAL;
	ba_log_capture(NULL);
	strbuf_release(&quiet);
	link = xasprintf("%s/driver", rel);
	op = xasprintf("%s/driver_override", rel);
	if (found < 0 || sysfs_link_name(&sys, link, drv, sizeof(drv)) == 0 || sysfs_read(&sys, op, ovr, sizeof(ovr)) < 0 ||
	    (ovr[0] && strcmp(ovr, "(null)") != 0))
		return 0;
	if (sysfs_write(&sys, op, p.driver) < 0)
		return 0;
	ba_info("%s:%s: driver_override %s written first, before any host driver can take the device", bus, name,
		p.driver);
	return 1;
}

BA_EXPORT int ba_override_unclaim(struct ba_device *dev)
{
	CTX_LOG_SCOPE(dev->ctx);
	_cleanup_free_ char *op = xasprintf("%s/driver_override", dev->devpath);
	_cleanup_free_ char *probe = xasprintf("bus/%s/drivers_probe", dev->bus);
	struct sysfs sys;
	int r;

	sysfs_init_config(&sys, &dev->ctx->cfg, false);
	ba_info("%s:%s: clearing the override written first, as the override could not be applied", dev->bus,
		dev->name);
	r = sysfs_write(&sys, op, "\n");
	if (r == 0)
		r = sysfs_write(&sys, probe, dev->name);
	return r;
}
