// SPDX-License-Identifier: LGPL-2.1-or-later
/* Devices, their state, bind and restore (busalias_device(3), busalias_bind(3)): device.c and bind.c's work. */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "admin.h"
#include "libbusalias-private.h"

static struct ba_device *device_wrap(struct ba_ctx *ctx, struct ba_device *dev)
{
	dev->refcount = 1;
	dev->ctx = ba_ctx_ref(ctx);
	dev->match_alias = xasprintf("%s%s", device_match_prefix(dev, &ctx->cfg), dev->modalias);
	dev->via = dev->via_plugin ? xasprintf("%s:%s", dev->via_plugin->name, dev->via_name) : NULL;
	return dev;
}

BA_EXPORT int ba_device_new(struct ba_ctx *ctx, const char *name, struct ba_device **out)
{
	CTX_LOG_SCOPE(ctx);
	struct ba_device *dev;
	struct sysfs sys;
	int r;

	*out = NULL;
	if (!name)
		return -EINVAL;
	r = ctx_bus_plugins(ctx);
	if (r < 0)
		return r;
	dev = calloc(1, sizeof(*dev));
	if (!dev)
		return -ENOMEM;
	sysfs_init_config(&sys, &ctx->cfg, false);
	r = device_resolve(&ctx->plugins, &sys, name, dev);
	if (r < 0) {
		free(dev);
		return r;
	}
	*out = device_wrap(ctx, dev);
	return 0;
}

BA_EXPORT int ba_device_list(struct ba_ctx *ctx, struct ba_device ***devs, size_t *n)
{
	CTX_LOG_SCOPE(ctx);
	struct ba_device *found = NULL;
	struct sysfs sys;
	size_t count = 0;
	int r;

	*devs = NULL;
	*n = 0;
	r = ctx_bus_plugins(ctx);
	if (r < 0)
		return r;
	sysfs_init_config(&sys, &ctx->cfg, false);
	r = device_list_all(&ctx->plugins, &sys, &found, &count);
	if (r < 0)
		return r;
	*devs = xcalloc(count ? count : 1, sizeof(**devs));
	for (size_t i = 0; i < count; i++) {
		(*devs)[i] = xmalloc(sizeof(*found));
		memcpy((*devs)[i], &found[i], sizeof(*found));
		device_wrap(ctx, (*devs)[i]);
	}
	free(found);
	*n = count;
	return 0;
}

BA_EXPORT struct ba_device *ba_device_ref(struct ba_device *dev)
{
	if (dev)
		__atomic_fetch_add(&dev->refcount, 1, __ATOMIC_RELAXED);
	return dev;
}

BA_EXPORT struct ba_device *ba_device_unref(struct ba_device *dev)
{
	if (!dev || __atomic_sub_fetch(&dev->refcount, 1, __ATOMIC_ACQ_REL) > 0)
		return NULL;
	free(dev->match_alias);
	free(dev->via);
	ba_ctx_unref(dev->ctx);
	free(dev);
	return NULL;
}

BA_EXPORT const char *ba_device_get_bus(const struct ba_device *dev)
{
	return dev->bus;
}

BA_EXPORT const char *ba_device_get_name(const struct ba_device *dev)
{
	return dev->name;
}

BA_EXPORT const char *ba_device_get_syspath(const struct ba_device *dev)
{
	return dev->devpath;
}

BA_EXPORT const char *ba_device_get_modalias(const struct ba_device *dev)
{
	return dev->modalias;
}

BA_EXPORT const char *ba_device_get_match_alias(const struct ba_device *dev)
{
	return dev->match_alias;
}

BA_EXPORT const char *ba_device_get_via(const struct ba_device *dev)
{
	return dev->via;
}

/* ---- status ---- */

struct ba_device_status {
	char driver[256], override[256], group[64], candidate[256];
	char self[256];  /* the device's name, among the members */
	struct group_member {
		char *name, *driver;
	} *members;
	size_t n_members;
};

struct member_walk {
	const struct sysfs *sys;
	struct ba_device_status *st;
};

static int add_member(void *ud, const char *name)
{
	struct member_walk *w = ud;
	struct ba_device_status *st = w->st;
	char drv[256] = "";
	_cleanup_free_ char *p = xasprintf("kernel/iommu_groups/%s/devices/%s/driver", st->group, name);

	sysfs_link_name(w->sys, p, drv, sizeof(drv));
	st->members = xrealloc(st->members, (st->n_members + 1) * sizeof(*st->members));
	st->members[st->n_members++] = (struct group_member){ xstrdup(name), xstrdup(drv) };
	return 0;
}

BA_EXPORT int ba_device_get_status(struct ba_device *dev, struct ba_aliasdb *db, struct ba_device_status **out)
{
	CTX_LOG_SCOPE(dev->ctx);
	_cleanup_free_ char *dp = xasprintf("%s/driver", dev->devpath);
	_cleanup_free_ char *op = xasprintf("%s/driver_override", dev->devpath);
	struct ba_device_status *st = calloc(1, sizeof(*st));
	struct sysfs sys;

	*out = NULL;
	if (!st)
		return -ENOMEM;
	sysfs_init_config(&sys, &dev->ctx->cfg, false);
	snprintf(st->self, sizeof(st->self), "%s", dev->name);
	sysfs_link_name(&sys, dp, st->driver, sizeof(st->driver));
	if (sysfs_read(&sys, op, st->override, sizeof(st->override)) < 0 || !strcmp(st->override, "(null)"))
		st->override[0] = '\0';
	if (iommu_group_of(&sys, dev, st->group, sizeof(st->group)) == 0) {
		_cleanup_free_ char *gd = xasprintf("kernel/iommu_groups/%s/devices", st->group);
		struct member_walk w = { .sys = &sys, .st = st };
		sysfs_list(&sys, gd, add_member, &w);
	} else {
		st->group[0] = '\0';
	}
	if (db && dev->modalias[0]) {
		struct alias_matches m;
		int r = aliasdb_lookup(db, dev->match_alias, false, &m);
		if (r < 0) {
			ba_device_status_unref(st);
			return r;
		}
		if (m.n)
			snprintf(st->candidate, sizeof(st->candidate), "%s", m.v[0].module);
		alias_matches_release(&m);
	}
	*out = st;
	return 0;
}

BA_EXPORT struct ba_device_status *ba_device_status_unref(struct ba_device_status *st)
{
	if (st) {
		for (size_t i = 0; i < st->n_members; i++) {
			free(st->members[i].name);
			free(st->members[i].driver);
		}
		free(st->members);
		free(st);
	}
	return NULL;
}

BA_EXPORT const char *ba_device_status_get_driver(const struct ba_device_status *st)
{
	return st->driver;
}

BA_EXPORT const char *ba_device_status_get_driver_override(const struct ba_device_status *st)
{
	return st->override;
}

BA_EXPORT const char *ba_device_status_get_iommu_group(const struct ba_device_status *st)
{
	return st->group;
}

BA_EXPORT const char *ba_device_status_get_vfio_candidate(const struct ba_device_status *st)
{
	return st->candidate;
}

BA_EXPORT size_t ba_device_status_get_group_member_count(const struct ba_device_status *st)
{
	return st->n_members;
}

BA_EXPORT const char *ba_device_status_get_group_member(const struct ba_device_status *st, size_t i,
							const char **driver)
{
	if (i >= st->n_members)
		return NULL;
	if (driver)
		*driver = st->members[i].driver;
	return st->members[i].name;
}

/* ---- LIBBUSALIAS_1.1: PCI identity, the members that keep a group from VFIO ---- */

BA_EXPORT int ba_device_get_pci_class(const struct ba_device *dev)
{
	CTX_LOG_SCOPE(dev->ctx);
	struct sysfs sys;
	long cls;

	if (strcmp(dev->bus, "pci") != 0)
		return -ENODATA;
	sysfs_init_config(&sys, &dev->ctx->cfg, false);
	cls = device_pci_class(&sys, dev);
	return cls < 0 ? -ENODATA : (int)cls;
}

BA_EXPORT int ba_device_get_pci_ids(const struct ba_device *dev, unsigned *vendor, unsigned *device)
{
	unsigned v, d;

	/* pci:vVVVVVVVVdDDDDDDDD...: PCI ids are 16 bits, the modalias field 32. */
	if (strcmp(dev->bus, "pci") != 0 || sscanf(dev->modalias, "pci:v%8xd%8x", &v, &d) != 2 || v > 0xffff ||
	    d > 0xffff)
		return -ENODATA;
	if (vendor)
		*vendor = v;
	if (device)
		*device = d;
	return 0;
}

BA_EXPORT int ba_device_status_get_group_member_host_bound(const struct ba_device_status *st, size_t i)
{
	if (i >= st->n_members)
		return -ENOENT;
	return strcmp(st->members[i].name, st->self) != 0 && iommu_group_host_driver(st->members[i].driver);
}

/* ---- bind and restore ---- */

/* bind.c speaks exit statuses (busalias(1)); the API speaks -errno and where the device was left. */
static int from_exit_status(int status, enum ba_bind_outcome *outcome)
{
	static const struct {
		int status, err;
		enum ba_bind_outcome outcome;
	} map[] = {
		{ BA_EXIT_OK, 0, BA_BIND_DONE },
		{ BA_EXIT_NOMATCH, -ENOENT, BA_BIND_UNCHANGED },
		{ BA_EXIT_USAGE, -EINVAL, BA_BIND_UNCHANGED },
		{ BA_EXIT_FAILURE, -EIO, BA_BIND_UNCHANGED },
		{ BA_EXIT_ROLLEDBACK, -EIO, BA_BIND_ROLLED_BACK },
		{ BA_EXIT_UNSAFE, -EIO, BA_BIND_UNSAFE },
	};

	for (size_t i = 0; i < ARRAY_SIZE(map); i++)
		if (map[i].status == status) {
			if (outcome)
				*outcome = map[i].outcome;
			return map[i].err;
		}
	if (outcome)
		*outcome = BA_BIND_UNSAFE;
	return -EIO;
}

#define BIND_FLAGS (BA_BIND_DRY_RUN | BA_BIND_FORCE | BA_BIND_NO_LOAD | BA_BIND_NO_IOMMU_CHECK | BA_BIND_PERSIST)

/* devs[0..n) of ctx, all or nothing.  plan: a dry run recorded into it instead of printed. */
static int bind_or_restore(struct ba_ctx *ctx, struct ba_device *const *devs, size_t n, bool bind,
			   const char *driver, unsigned flags, enum ba_bind_outcome *outcome, struct plan *plan)
{
	CTX_LOG_SCOPE(ctx);
	const struct ba_config *cfg = &ctx->cfg;
	struct bind_opts o = { .driver = driver,
			       .dry_run = flags & BA_BIND_DRY_RUN,
			       .force = flags & BA_BIND_FORCE,
			       .no_load = flags & BA_BIND_NO_LOAD,
			       .no_iommu_check = flags & BA_BIND_NO_IOMMU_CHECK };
	struct bind_devices_result res;
	struct sysfs sys;
	int status, r;

	if (outcome)
		*outcome = BA_BIND_UNCHANGED;
	if ((flags & ~(unsigned)BIND_FLAGS) || !n || !devs)
		return -EINVAL;
	for (size_t i = 0; i < n; i++)
		if (!devs[i] || devs[i]->ctx != ctx)
			return -EINVAL;
	sysfs_init_config(&sys, cfg, o.dry_run);
	sys.plan = plan;
	status = bind_devices(cfg, &sys, devs, n, bind, &o, flags & BA_BIND_PERSIST, &res);
	if (res.lock_error)
		return res.lock_error;
	r = from_exit_status(status, outcome);
	/* Moved, but the override could not be stored or dropped. */
	if (r < 0 && res.moved && outcome)
		*outcome = BA_BIND_DONE;
	return r;
}

BA_EXPORT int ba_device_bind(struct ba_device *dev, const char *driver, unsigned flags,
			     enum ba_bind_outcome *outcome)
{
	return bind_or_restore(dev->ctx, &dev, 1, true, driver, flags, outcome, NULL);
}

BA_EXPORT int ba_device_restore(struct ba_device *dev, unsigned flags, enum ba_bind_outcome *outcome)
{
	return bind_or_restore(dev->ctx, &dev, 1, false, NULL, flags, outcome, NULL);
}

BA_EXPORT int ba_devices_bind(struct ba_ctx *ctx, struct ba_device *const *devs, size_t n, const char *driver,
			      unsigned flags, enum ba_bind_outcome *outcome)
{
	return bind_or_restore(ctx, devs, n, true, driver, flags, outcome, NULL);
}

BA_EXPORT int ba_devices_restore(struct ba_ctx *ctx, struct ba_device *const *devs, size_t n, unsigned flags,
				 enum ba_bind_outcome *outcome)
{
	return bind_or_restore(ctx, devs, n, false, NULL, flags, outcome, NULL);
}

BA_EXPORT int ba_device_get_group_devices(struct ba_device *dev, struct ba_device ***devs, size_t *n)
{
	CTX_LOG_SCOPE(dev->ctx);
	struct ba_device *found = NULL;
	struct sysfs sys;
	size_t count = 0;
	int r;

	*devs = NULL;
	*n = 0;
	r = ctx_bus_plugins(dev->ctx);
	if (r < 0)
		return r;
	sysfs_init_config(&sys, &dev->ctx->cfg, false);
	r = iommu_group_endpoints(&dev->ctx->plugins, &sys, dev, &found, &count);
	if (r < 0) {
		free(found);
		return r;
	}
	*devs = xcalloc(count ? count : 1, sizeof(**devs));
	for (size_t i = 0; i < count; i++) {
		(*devs)[i] = xmalloc(sizeof(*found));
		memcpy((*devs)[i], &found[i], sizeof(*found));
		device_wrap(dev->ctx, (*devs)[i]);
	}
	free(found);
	*n = count;
	return 0;
}

/* ---- plans ---- */

struct ba_plan {
	struct plan plan;
};

static int plan_new(struct ba_device *dev, bool bind, const char *driver, unsigned flags, struct ba_plan **out)
{
	struct ba_plan *p = calloc(1, sizeof(*p));
	int r;

	*out = NULL;
	if (!p)
		return -ENOMEM;
	/* A plan stores nothing: what --persist would write is not a step on the device. */
	r = bind_or_restore(dev->ctx, &dev, 1, bind, driver, (flags & ~(unsigned)BA_BIND_PERSIST) | BA_BIND_DRY_RUN,
			    NULL, &p->plan);
	if (r < 0) {
		ba_plan_unref(p);
		return r;
	}
	*out = p;
	return 0;
}

BA_EXPORT int ba_device_plan_bind(struct ba_device *dev, const char *driver, unsigned flags, struct ba_plan **out)
{
	return plan_new(dev, true, driver, flags, out);
}

BA_EXPORT int ba_device_plan_restore(struct ba_device *dev, unsigned flags, struct ba_plan **out)
{
	return plan_new(dev, false, NULL, flags, out);
}

BA_EXPORT struct ba_plan *ba_plan_unref(struct ba_plan *plan)
{
	if (plan) {
		plan_release(&plan->plan);
		free(plan);
	}
	return NULL;
}

BA_EXPORT size_t ba_plan_get_step_count(const struct ba_plan *plan)
{
	return plan->plan.n;
}

BA_EXPORT const char *ba_plan_get_step_name(const struct ba_plan *plan, size_t i)
{
	return i < plan->plan.n ? plan->plan.steps[i].name : NULL;
}

BA_EXPORT size_t ba_plan_get_step_arg_count(const struct ba_plan *plan, size_t i)
{
	return i < plan->plan.n ? plan->plan.steps[i].n_args : 0;
}

BA_EXPORT const char *ba_plan_get_step_arg(const struct ba_plan *plan, size_t i, size_t j)
{
	return i < plan->plan.n && j < plan->plan.steps[i].n_args ? plan->plan.steps[i].args[j] : NULL;
}
