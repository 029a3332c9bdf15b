// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Resolving what the user typed to a device in sysfs: "0000:01:00.0",
 * "01:00.0", "pci:ADDR", "platform:NAME", "acpi:HID:NN" or a sysfs path.
 * Every name is validated before it becomes part of a path.
 */
#include <errno.h>
#include <string.h>

#include "admin.h"
#include "busalias.h"
#include "cmdline.h"

#define NAME_MAX_LEN 255

static const struct ba_bus_ops *bus_of(const struct busalias_plugin *p)
{
	return p->bus && p->bus->sysfs_bus ? p->bus : NULL;
}

/* A hook exists only if the plugin's descriptor is long enough to hold it. */
#define HOOK(ops, h) \
	((ops)->struct_size >= offsetof(struct ba_bus_ops, h) + sizeof((ops)->h) ? (ops)->h : NULL)

static const struct busalias_plugin *plugin_for_bus(const struct plugin_set *set, const char *bus)
{
	for (size_t i = 0; i < set->n; i++) {
		const struct ba_bus_ops *ops = bus_of(set->plugins[i].desc);
		if (ops && !strcmp(ops->sysfs_bus, bus))
			return set->plugins[i].desc;
	}
	return NULL;
}

static const struct busalias_plugin *plugin_for_prefix(const struct plugin_set *set, const char *pfx, size_t len)
{
	for (size_t i = 0; i < set->n; i++) {
		const struct busalias_plugin *p = set->plugins[i].desc;
		const struct ba_bus_ops *ops = bus_of(p);
		if (!ops)
			continue;
		if ((strlen(p->name) == len && !memcmp(p->name, pfx, len)) ||
		    (strlen(ops->sysfs_bus) == len && !memcmp(ops->sysfs_bus, pfx, len)))
			return p;
	}
	return NULL;
}

static int canonical_name(const struct busalias_plugin *p, const char *arg, char *name, size_t len)
{
	int (*parse)(const char *, char *, size_t) = HOOK(p->bus, parse_device);

	if (!valid_name(arg, NAME_MAX_LEN))
		return -EINVAL;
	if (parse)
		return parse(arg, name, len) < 0 ? -EINVAL : (valid_name(name, NAME_MAX_LEN) ? 0 : -EINVAL);
	if (snprintf(name, len, "%s", arg) >= (int)len)
		return -ENAMETOOLONG;
	return 0;
}

/* Fill in everything from a canonical devpath whose bus is known. */
static int fill_from_path(const struct plugin_set *set, const struct sysfs *sys, const char *devpath,
			  struct ba_device *dev)
{
	_cleanup_free_ char *sub = xasprintf("%s/subsystem", devpath);
	char bus[256];
	const char *base = strrchr(devpath, '/');
	int r;

	r = sysfs_link_name(sys, sub, bus, sizeof(bus));
	if (r < 0) {
		ba_err("%s/%s: not a device (no subsystem link)", sys->root, devpath);
		return -ENODEV;
	}
	dev->plugin = plugin_for_bus(set, bus);
	if (!dev->plugin) {
		ba_err("%s/%s: no plugin handles the %s bus", sys->root, devpath, bus);
		return -EOPNOTSUPP;
	}
	dev->bus = dev->plugin->bus->sysfs_bus;
	base = base ? base + 1 : devpath;
	if (!valid_name(base, NAME_MAX_LEN)) {
		ba_err("%s/%s: unusable device name", sys->root, devpath);
		return -EINVAL;
	}
	snprintf(dev->name, sizeof(dev->name), "%s", base);
	snprintf(dev->devpath, sizeof(dev->devpath), "%s", devpath);
	return 0;
}

static int resolve_path(const struct sysfs *sys, const char *arg, char *out, size_t len)
{
	size_t rl = strlen(sys->root);
	const char *rel = arg;

	if (!strncmp(arg, sys->root, rl) && arg[rl] == '/')
		rel = arg + rl + 1;
	else if (!strncmp(arg, "/sys/", 5))
		rel = arg + 5; /* a path as seen on the target machine */
	else if (arg[0] == '/')
		return -EXDEV;
	return sysfs_resolve(sys, rel, out, len);
}

int device_resolve(const struct plugin_set *set, const struct sysfs *sys, const char *arg, struct ba_device *dev)
{
	const struct busalias_plugin *p = NULL;
	char name[NAME_MAX_LEN + 1], path[1024];
	const char *colon = strchr(arg, ':');
	int r;

	memset(dev, 0, sizeof(*dev));
	if (strlen(arg) > 1000 || strpbrk(arg, "\n\r")) {
		ba_err("%.100s%s: device name too long or with a newline", arg, strlen(arg) > 100 ? "..." : "");
		return -EINVAL;
	}
	if (arg[0] == '/') {
		r = resolve_path(sys, arg, path, sizeof(path));
		if (r < 0) {
			ba_err("%s: not a device under %s: %s", arg, sys->root, strerror(-r));
			return r;
		}
	} else {
		if (colon && (p = plugin_for_prefix(set, arg, (size_t)(colon - arg)))) {
			if (canonical_name(p, colon + 1, name, sizeof(name)) < 0) {
				ba_err("'%s': not a valid %s device name", colon + 1, p->name);
				return -EINVAL;
			}
		} else {
			/* No bus given: strict syntaxes first (pci, acpi), then buses with free-form names. */
			for (int strict = 1; strict >= 0 && !p; strict--)
				for (size_t i = 0; i < set->n && !p; i++) {
					const struct busalias_plugin *q = set->plugins[i].desc;
					_cleanup_free_ char *d = NULL;
					if (!bus_of(q) || (HOOK(q->bus, parse_device) != NULL) != strict)
						continue;
					if (canonical_name(q, arg, name, sizeof(name)) < 0)
						continue;
					d = xasprintf("bus/%s/devices/%s", q->bus->sysfs_bus, name);
					if (sysfs_exists(sys, d))
						p = q;
				}
			/* Not a device name: a network interface stands for its device. */
			if (!p && netdev_devpath(sys, arg, path, sizeof(path)) == 0)
				goto resolved;
			if (!p) {
				ba_err("'%s': no such device on any bus a plugin handles", arg);
				return -ENODEV;
			}
		}
		_cleanup_free_ char *d = xasprintf("bus/%s/devices/%s", p->bus->sysfs_bus, name);
		r = sysfs_resolve(sys, d, path, sizeof(path));
		if (r < 0) {
			ba_err("%s: no such %s device (%s/%s)", name, p->name, sys->root, d);
			return -ENODEV;
		}
	}
resolved:
	r = fill_from_path(set, sys, path, dev);
	if (r < 0)
		return r;

	int (*phys)(const struct ba_sysfs *, const char *, char *, size_t) = HOOK(dev->plugin->bus, physical_node);
	if (phys) {
		char node[1024];
		dev->via_plugin = dev->plugin;
		snprintf(dev->via_name, sizeof(dev->via_name), "%s", dev->name);
		r = phys(&sys->view, dev->devpath, node, sizeof(node));
		if (r < 0) {
			ba_err("%s:%s: no physical device to bind: %s", dev->plugin->name, dev->name, strerror(-r));
			return r;
		}
		const struct busalias_plugin *via = dev->via_plugin;
		char via_name[256];
		snprintf(via_name, sizeof(via_name), "%s", dev->name);
		r = fill_from_path(set, sys, node, dev);
		if (r < 0)
			return r;
		dev->via_plugin = via;
		snprintf(dev->via_name, sizeof(dev->via_name), "%s", via_name);
		if (HOOK(dev->plugin->bus, physical_node)) {
			ba_err("%s: physical node is itself a description; giving up", node);
			return -ELOOP;
		}
	}
	_cleanup_free_ char *ma = xasprintf("%s/modalias", dev->devpath);
	if (sysfs_read(sys, ma, dev->modalias, sizeof(dev->modalias)) < 0)
		dev->modalias[0] = '\0';
	return 0;
}

struct list_ctx {
	const struct plugin_set *set;
	const struct sysfs *sys;
	const char *bus;
	bool descriptions;  /* the bus's devices are descriptions of others (ACPI) */
	struct ba_device *v;
	size_t n;
};

static int add_one(void *ud, const char *name)
{
	struct list_ctx *c = ud;
	_cleanup_free_ char *arg = xasprintf("%s:%s", c->bus, name);
	struct strbuf quiet = { 0 };
	int r;

	c->v = xrealloc(c->v, (c->n + 1) * sizeof(*c->v));
	/*
	 * Most ACPI descriptions (processors, buttons, the system bus) have no
	 * physical node, or one on a bus no plugin handles: not bindable, so
	 * left out without an error each.
	 */
	if (c->descriptions)
		ba_log_capture(&quiet);
	r = device_resolve(c->set, c->sys, arg, &c->v[c->n]);
	if (c->descriptions)
		ba_log_capture(NULL);
	strbuf_release(&quiet);
	if (r == 0)
		c->n++;
	return 0;
}

static int cmp_bus(const void *a, const void *b)
{
	return strcmp((*(const struct ba_bus_ops *const *)a)->sysfs_bus,
		      (*(const struct ba_bus_ops *const *)b)->sysfs_bus);
}

int device_list_all(const struct plugin_set *set, const struct sysfs *sys, struct ba_device **out, size_t *n)
{
	struct list_ctx c = { .set = set, .sys = sys };
	_cleanup_free_ const struct ba_bus_ops **buses = xcalloc(set->n ? set->n : 1, sizeof(*buses));
	size_t nb = 0;

	/* Every bus a plugin handles (the first plugin of a bus wins, as in device_resolve()), by name. */
	for (size_t i = 0; i < set->n; i++) {
		const struct ba_bus_ops *ops = bus_of(set->plugins[i].desc);
		if (ops && plugin_for_bus(set, ops->sysfs_bus) == set->plugins[i].desc)
			buses[nb++] = ops;
	}
	if (nb > 1)
		qsort(buses, nb, sizeof(*buses), cmp_bus);
	for (size_t i = 0; i < nb; i++) {
		_cleanup_free_ char *d = xasprintf("bus/%s/devices", buses[i]->sysfs_bus);
		if (!sysfs_exists(sys, d))
			continue;
		c.bus = buses[i]->sysfs_bus;
		c.descriptions = HOOK(buses[i], physical_node) != NULL;
		sysfs_list(sys, d, add_one, &c);
	}
	*out = c.v;
	*n = c.n;
	return 0;
}

const char *device_match_prefix(const struct ba_device *dev, const struct ba_config *cfg)
{
	if (cfg->prefix)
		return cfg->prefix;
	if (dev && dev->plugin->bus->match_prefix)
		return dev->plugin->bus->match_prefix;
	return "vfio_";
}
