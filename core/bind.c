// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Moving a device to another driver, as the kernel lets userspace do it:
 * driver_override, unbind, drivers_probe, then check what really happened.
 * Any failure rolls back to the original override and driver; the only way
 * out with the device worse off is BA_EXIT_UNSAFE, which says so loudly.
 */
#include <errno.h>
#include <string.h>

#include "admin.h"
#include "busalias.h"
#include "cmdline.h"

/* Release the device from its driver, if any. */
static int unbind_from(const struct sysfs *sys, const struct ba_device *dev, const char *driver)
{
	if (!driver[0])
		return 0;
	_cleanup_free_ char *unbind = xasprintf("bus/%s/drivers/%s/unbind", dev->bus, driver);
	return device_write_step(sys, "step '" STEP_UNBIND "'", unbind, dev->name) < 0 ? -1 : 0;
}

/* Let the bus probe the device again: driver_override decides which driver takes it. */
static int reprobe(const struct sysfs *sys, const struct ba_device *dev)
{
	_cleanup_free_ char *probe = xasprintf("bus/%s/drivers_probe", dev->bus);
	return device_write_step(sys, "step '" STEP_DRIVERS_PROBE "'", probe, dev->name) < 0 ? -1 : 0;
}

/* Both, as bind and restore do. */
static int unbind_and_reprobe(const struct sysfs *sys, const struct ba_device *dev, const char *driver)
{
	return unbind_from(sys, dev, driver) < 0 ? -1 : reprobe(sys, dev);
}

struct find_drv {
	const char *bus;
	char *out;
	size_t len;
	bool found;
};

static int find_one(void *ud, const char *name)
{
	struct find_drv *f = ud;
	size_t bl = strlen(f->bus);

	/* /sys/module/M/drivers/BUS:DRIVER */
	if (strncmp(name, f->bus, bl) != 0 || name[bl] != ':' || !valid_name(name + bl + 1, 255))
		return 0;
	snprintf(f->out, f->len, "%s", name + bl + 1);
	f->found = true;
	return 1;
}

static bool module_driver(const struct sysfs *sys, const char *module, const char *bus, char *out, size_t len)
{
	_cleanup_free_ char *d = xasprintf("module/%s/drivers", module);
	struct find_drv f = { .bus = bus, .out = out, .len = len };

	sysfs_list(sys, d, find_one, &f);
	return f.found;
}

struct module_link {
	const struct sysfs *sys;
	const char *bus, *module;
	char *out;
	size_t len;
	bool found;
};

static int check_module_link(void *ud, const char *name)
{
	struct module_link *m = ud;
	char mod[256];
	_cleanup_free_ char *p = NULL;

	if (!valid_name(name, 255))
		return 0;
	p = xasprintf("bus/%s/drivers/%s/module", m->bus, name);
	if (sysfs_link_name(m->sys, p, mod, sizeof(mod)) < 0 || strcmp(mod, m->module) != 0)
		return 0;
	snprintf(m->out, m->len, "%s", name);
	m->found = true;
	return 1;
}

/*
 * The other side of the same registration: /sys/bus/BUS/drivers/DRIVER/module
 * links to the module that registered DRIVER (the first in name order, if
 * several).  Needs no module loading, so a dry run can name the driver.
 */
static bool bus_driver_of_module(const struct sysfs *sys, const char *bus, const char *module, char *out, size_t len)
{
	_cleanup_free_ char *d = xasprintf("bus/%s/drivers", bus);
	struct module_link m = { .sys = sys, .bus = bus, .module = module, .out = out, .len = len };

	sysfs_list(sys, d, check_module_link, &m);
	return m.found;
}

static int load_module(const struct ba_config *cfg, const struct sysfs *sys, const char *module, bool dry_run)
{
	char *argv[8];
	int i = 0, r;

	argv[i++] = cfg->modprobe;
	if (cfg->basedir && cfg->basedir[0]) {
		argv[i++] = (char *)"-d";
		argv[i++] = cfg->basedir;
	}
	if (cfg->kernel) {
		argv[i++] = (char *)"-S";
		argv[i++] = cfg->kernel;
	}
	argv[i++] = (char *)module;
	argv[i] = NULL;
	if (dry_run && sys->plan) {
		plan_add(sys->plan, STEP_LOAD_MODULE, (const char *const *)argv);
		return 0;
	}
	r = run_argv(argv, dry_run);
	if (r != 0)
		ba_err("load module: %s %s %s", cfg->modprobe, module,
		       r < 0 ? strerror(-r) : "exited with an error");
	return r == 0 ? 0 : -EIO;
}

static void module_of_name(const char *name, char *out, size_t len)
{
	/* modprobe treats - and _ alike; /sys/module uses _. */
	snprintf(out, len, "%s", name);
	for (char *p = out; *p; p++)
		if (*p == '-')
			*p = '_';
}

/* One bind in progress: what the steps read and what they learn. */
struct bind_run {
	const struct ba_config *cfg;
	const struct sysfs *sys;
	const struct ba_device *dev;
	const struct bind_opts *o;
	struct dev_state orig;
	char module[256], drv[256];
	char *ovr;  /* DEVPATH/driver_override */
};

/* A step returns BIND_NEXT to go on, or the bind's exit status (the steps after it do not run). */
#define BIND_NEXT (-1)

static int step_read_state(struct bind_run *b)
{
	const struct ba_device *dev = b->dev;
	int r = device_state_read(b->sys, dev, &b->orig);

	if (r < 0) {
		ba_err("%s:%s: cannot read driver/driver_override: %s", dev->bus, dev->name, strerror(-r));
		return r == -ENOENT ? BA_EXIT_USAGE : BA_EXIT_FAILURE;
	}
	ba_info("%s:%s: driver %s, driver_override %s, modalias %s", dev->bus, dev->name, or_none(b->orig.driver),
		or_none(b->orig.override), or_none(dev->modalias));
	if (b->o->driver && !strcmp(b->o->driver, BA_NO_DRIVER))
		return unbind_device(b->sys, dev, b->o->dry_run);
	return BIND_NEXT;
}

/* The module: --driver's, else the best match of PREFIX+MODALIAS in modules.alias. */
static int step_choose_module(struct bind_run *b)
{
	const struct ba_device *dev = b->dev;
	const struct bind_opts *o = b->o;

	if (o->driver) {
		if (!valid_name(o->driver, 255) || strchr(o->driver, ':')) {
			ba_err("--driver: invalid name '%s'", o->driver);
			return BA_EXIT_USAGE;
		}
		module_of_name(o->driver, b->module, sizeof(b->module));
	} else {
		struct alias_matches m;
		_cleanup_free_ char *file = config_alias_file(b->cfg);
		_cleanup_free_ char *alias = NULL;

		if (!dev->modalias[0]) {
			ba_err("%s:%s has no modalias; name the driver with --driver", dev->bus, dev->name);
			return BA_EXIT_USAGE;
		}
		if (!file)
			return BA_EXIT_FAILURE;
		alias = xasprintf("%s%s", device_match_prefix(dev, b->cfg), dev->modalias);
		if (alias_lookup(file, alias, false, &m) < 0)
			return BA_EXIT_FAILURE;
		if (m.n == 0) {
			ba_err("no module in %s matches %s; name one with --driver", file, alias);
			return BA_EXIT_NOMATCH;
		}
		/* A name starting with '-' would reach modprobe as an option. */
		if (!valid_name(m.v[0].module, 255) || m.v[0].module[0] == '-') {
			ba_err("%s: invalid module name in %s", m.v[0].module, file);
			alias_matches_release(&m);
			return BA_EXIT_FAILURE;
		}
		snprintf(b->module, sizeof(b->module), "%s", m.v[0].module);
		ba_info("module %s (pattern %s)", b->module, m.v[0].pattern);
		alias_matches_release(&m);
	}
	return BIND_NEXT;
}

static int step_iommu_check(struct bind_run *b)
{
	if (!b->o->no_iommu_check && iommu_check(b->sys, b->dev, b->module) != 0)
		return BA_EXIT_USAGE;
	return BIND_NEXT;
}

/* Load the module and learn the driver's name on this bus ('load module', 'driver name'). */
static int step_load_module(struct bind_run *b)
{
	const struct sysfs *sys = b->sys;
	const struct ba_device *dev = b->dev;
	const struct bind_opts *o = b->o;
	const char *module = b->module;
	char *drv = b->drv;
	size_t len = sizeof(b->drv);

	if (module_driver(sys, module, dev->bus, drv, len))
		return BIND_NEXT;
	_cleanup_free_ char *builtin = o->driver ? xasprintf("bus/%s/drivers/%s", dev->bus, o->driver) : NULL;
	if (builtin && sysfs_exists(sys, builtin)) {
		snprintf(drv, len, "%s", o->driver);
		return BIND_NEXT;
	}
	if (!o->no_load && load_module(b->cfg, sys, module, o->dry_run) < 0) {
		ba_err("step '" STEP_LOAD_MODULE "' failed; nothing was changed");
		return BA_EXIT_ROLLEDBACK;
	}
	bool known = module_driver(sys, module, dev->bus, drv, len);
	/* In a dry run modprobe did not run: the bus's own view may still know the driver. */
	if (!known && (known = bus_driver_of_module(sys, dev->bus, module, drv, len)))
		ba_info("module %s registered driver %s (%s/bus/%s/drivers/%s/module)", module, drv, sys->root,
			dev->bus, drv);
	if (!known) {
		if (!o->dry_run) {
			ba_err("step '" STEP_DRIVER_NAME "' failed: module %s has no %s driver (%s/module/%s/drivers); "
			       "nothing was changed",
			       module, dev->bus, sys->root, module);
			return BA_EXIT_ROLLEDBACK;
		}
		/* What vfio_pci registers: its name with dashes. */
		snprintf(drv, len, "%s", module);
		for (char *p = drv; *p; p++)
			if (*p == '_')
				*p = '-';
		if (sys->plan)
			plan_add(sys->plan, STEP_DRIVER_NAME, (const char *const[]){ module, drv, NULL });
		else
			printf("driver name not known until %s is loaded; assuming %s\n", module, drv);
		fflush(stdout);
	}
	return BIND_NEXT;
}

static int step_already_bound(struct bind_run *b)
{
	if (strcmp(b->orig.driver, b->drv))
		return BIND_NEXT;
	ba_info("%s:%s is already bound to %s; nothing to do", b->dev->bus, b->dev->name, b->drv);
	return BA_EXIT_OK;
}

/* A device in use (a network interface up) is taken only with --force. */
static int step_busy(struct bind_run *b)
{
	const struct ba_device *dev = b->dev;
	int (*busy)(const struct ba_sysfs *, const char *, char *, size_t) =
		dev->plugin->bus->struct_size >= offsetof(struct ba_bus_ops, busy) + sizeof(busy) ? dev->plugin->bus->busy
												     : NULL;
	if (busy) {
		char why[256] = "";
		int r = busy(&b->sys->view, dev->devpath, why, sizeof(why));
		if (r > 0 && !b->o->force) {
			ba_err("%s:%s is in use (%s); refusing without --force; nothing was changed", dev->bus, dev->name,
			       why);
			return BA_EXIT_ROLLEDBACK;
		}
		if (r > 0)
			ba_warn("%s:%s is in use (%s); taking it anyway (--force)", dev->bus, dev->name, why);
	}
	return BIND_NEXT;
}

/* From here on the device changes: a failure rolls it back. */
static int step_driver_override(struct bind_run *b)
{
	ba_info("binding %s:%s to %s (module %s)", b->dev->bus, b->dev->name, b->drv, b->module);
	if (device_write_step(b->sys, "step '" STEP_DRIVER_OVERRIDE "'", b->ovr, b->drv) < 0)
		return device_state_roll_back(b->sys, b->dev, &b->orig);
	return BIND_NEXT;
}

static int step_unbind(struct bind_run *b)
{
	if (unbind_from(b->sys, b->dev, b->orig.driver) < 0)
		return device_state_roll_back(b->sys, b->dev, &b->orig);
	return BIND_NEXT;
}

static int step_drivers_probe(struct bind_run *b)
{
	if (reprobe(b->sys, b->dev) < 0)
		return device_state_roll_back(b->sys, b->dev, &b->orig);
	return BIND_NEXT;
}

static int step_verify(struct bind_run *b)
{
	const struct sysfs *sys = b->sys;
	const struct ba_device *dev = b->dev;
	struct dev_state now;
	int r;

	if (b->o->dry_run) {
		if (sys->plan)
			plan_add_verify(sys->plan, sys, dev->devpath, b->drv, true);
		else
			printf("would verify that %s/%s/driver is %s\n", sys->root, dev->devpath, b->drv);
		return BA_EXIT_OK;
	}
	r = device_state_read(sys, dev, &now);
	if (r < 0 || strcmp(now.driver, b->drv) != 0) {
		ba_err("step '" STEP_VERIFY "' failed: %s:%s is on driver %s, not %s", dev->bus, dev->name,
		       r < 0 ? "(unreadable)" : or_none(now.driver), b->drv);
		return device_state_roll_back(sys, dev, &b->orig);
	}
	ba_info("%s:%s is now bound to %s", dev->bus, dev->name, b->drv);
	if (!b->o->no_group_warning)
		warn_group(sys, dev);
	return BA_EXIT_OK;
}

/*
 * The bind, in order.  The names are those of the messages ("step 'verify' failed") and of a dry
 * run's plan (ba_device_plan_bind()) where a step has one.
 */
static const struct bind_step {
	const char *name;
	int (*run)(struct bind_run *b);
} bind_steps[] = {
	{ .name = STEP_READ_STATE, .run = step_read_state },
	{ .name = STEP_CHOOSE_MODULE, .run = step_choose_module },
	{ .name = STEP_IOMMU_CHECK, .run = step_iommu_check },
	{ .name = STEP_LOAD_MODULE, .run = step_load_module },  /* and STEP_DRIVER_NAME */
	{ .name = STEP_ALREADY_BOUND, .run = step_already_bound },
	{ .name = STEP_BUSY, .run = step_busy },
	{ .name = STEP_DRIVER_OVERRIDE, .run = step_driver_override },
	{ .name = STEP_UNBIND, .run = step_unbind },
	{ .name = STEP_DRIVERS_PROBE, .run = step_drivers_probe },
	{ .name = STEP_VERIFY, .run = step_verify },
};

int bind_device(const struct ba_config *cfg, const struct sysfs *sys, const struct ba_device *dev,
		const struct bind_opts *o)
{
	struct bind_run b = { .cfg = cfg, .sys = sys, .dev = dev, .o = o };
	int r = BIND_NEXT;

	b.ovr = xasprintf("%s/driver_override", dev->devpath);
	for (size_t i = 0; r == BIND_NEXT && i < ARRAY_SIZE(bind_steps); i++)
		r = bind_steps[i].run(&b);
	free(b.ovr);
	return r == BIND_NEXT ? BA_EXIT_OK : r;
}

int restore_device(const struct ba_config *cfg, const struct sysfs *sys, const struct ba_device *dev, bool dry_run)
{
	struct dev_state orig, now;
	_cleanup_free_ char *ovr = xasprintf("%s/driver_override", dev->devpath);
	int r;

	(void)cfg;
	r = device_state_read(sys, dev, &orig);
	if (r < 0) {
		ba_err("%s:%s: cannot read driver/driver_override: %s", dev->bus, dev->name, strerror(-r));
		return r == -ENOENT ? BA_EXIT_USAGE : BA_EXIT_FAILURE;
	}
	ba_info("%s:%s: driver %s, driver_override %s", dev->bus, dev->name, or_none(orig.driver),
		or_none(orig.override));
	if (!orig.override[0] && orig.driver[0]) {
		ba_info("%s:%s has no driver_override and a driver; nothing to do", dev->bus, dev->name);
		return BA_EXIT_OK;
	}
	if (orig.override[0] && device_write_step(sys, "step '" STEP_CLEAR_DRIVER_OVERRIDE "'", ovr, "\n") < 0)
		return device_state_roll_back(sys, dev, &orig);
	if (unbind_and_reprobe(sys, dev, orig.driver) < 0)
		return device_state_roll_back(sys, dev, &orig);
	if (dry_run) {
		if (sys->plan)
			plan_add_verify(sys->plan, sys, dev->devpath, orig.override, false);
		else
			printf("would verify that %s/%s/driver is not %s\n", sys->root, dev->devpath,
			       or_none(orig.override));
		return BA_EXIT_OK;
	}
	r = device_state_read(sys, dev, &now);
	if (r < 0 || now.override[0] || (orig.override[0] && !strcmp(now.driver, orig.override))) {
		ba_err("step '" STEP_VERIFY "' failed: %s:%s is on driver %s with driver_override %s", dev->bus, dev->name,
		       r < 0 ? "(unreadable)" : or_none(now.driver), r < 0 ? "(unreadable)" : or_none(now.override));
		return device_state_roll_back(sys, dev, &orig);
	}
	ba_info("%s:%s is now on driver %s", dev->bus, dev->name, or_none(now.driver));
	return BA_EXIT_OK;
}
