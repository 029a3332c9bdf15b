// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * IOMMU facts a bind depends on.  VFIO gives a device to user space only behind an IOMMU: without
 * one, vfio-pci refuses the device (or, in noiommu mode, hands out unprotected DMA), which an admin
 * would learn only when the VM fails to start.  And VFIO takes groups, not devices.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "admin.h"

static int any_entry(void *ud, const char *name)
{
	(void)name;
	*(bool *)ud = true;
	return 1;
}

bool iommu_present(const struct sysfs *sys, const struct ba_device *dev)
{
	char group[64];
	bool found = false;

	if (dev && iommu_group_of(sys, dev, group, sizeof(group)) == 0)
		return true;
	sysfs_list(sys, "class/iommu", any_entry, &found);
	return found;
}

int iommu_check(const struct sysfs *sys, const struct ba_device *dev, const char *module)
{
	if (strncmp(module, "vfio", 4) != 0 || iommu_present(sys, dev))
		return 0;
	ba_err("%s:%s: the kernel has no IOMMU (no entry in %s/class/iommu, no iommu_group link), so %s cannot "
	       "give the device to user space safely; enable the IOMMU (intel_iommu=on, amd_iommu=on) or pass "
	       "--no-iommu-check; nothing was changed",
	       dev->bus, dev->name, sys->root, module);
	return BA_EXIT_USAGE;
}

long device_pci_class(const struct sysfs *sys, const struct ba_device *dev)
{
	char buf[64];
	_cleanup_free_ char *p = xasprintf("%s/class", dev->devpath);
	const char *bc;
	unsigned b, s, i;

	if (sysfs_read(sys, p, buf, sizeof(buf)) > 0) {
		char *end;
		unsigned long v = strtoul(buf, &end, 16);
		if (*end == '\0' && end != buf && v <= 0xffffff)
			return (long)v;
	}
	/* pci:v…d…sv…sd…bcXXscXXiXX */
	if (strncmp(dev->modalias, "pci:", 4) != 0 || !(bc = strstr(dev->modalias, "bc")))
		return -1;
	if (sscanf(bc, "bc%2xsc%2xi%2x", &b, &s, &i) != 3)
		return -1;
	return (long)((b << 16) | (s << 8) | i);
}

struct endpoints {
	const struct plugin_set *set;
	const struct sysfs *sys;
	const char *group;
	struct ba_device **v;
	size_t *n;
	int err;
};

static int add_endpoint(void *ud, const char *name)
{
	struct endpoints *e = ud;
	struct ba_device dev;
	_cleanup_free_ char *arg = NULL;

	if (!valid_name(name, 255)) {
		ba_err("%s/kernel/iommu_groups/%s/devices: unusable device name", e->sys->root, e->group);
		e->err = -EINVAL;
		return 1;
	}
	arg = xasprintf("%s/kernel/iommu_groups/%s/devices/%s", e->sys->root, e->group, name);
	if (device_resolve(e->set, e->sys, arg, &dev) < 0) {
		e->err = -ENODEV;
		return 1;
	}
	/* A bridge stays with its host driver (pcieport): VFIO needs it only out of the way, not bound. */
	if (!strcmp(dev.bus, "pci") && (device_pci_class(e->sys, &dev) >> 8) == 0x0604) {
		ba_info("IOMMU group %s: leaving bridge %s:%s alone", e->group, dev.bus, dev.name);
		return 0;
	}
	*e->v = xrealloc(*e->v, (*e->n + 1) * sizeof(**e->v));
	(*e->v)[(*e->n)++] = dev;
	return 0;
}

int iommu_group_endpoints(const struct plugin_set *set, const struct sysfs *sys, const struct ba_device *dev,
			  struct ba_device **v, size_t *n)
{
	char group[64];
	_cleanup_free_ char *d = NULL;
	struct endpoints e = { .set = set, .sys = sys, .group = group, .v = v, .n = n };
	int r;

	if (iommu_group_of(sys, dev, group, sizeof(group)) < 0) {
		ba_warn("%s:%s has no IOMMU group; --group binds it alone", dev->bus, dev->name);
		*v = xrealloc(*v, (*n + 1) * sizeof(**v));
		(*v)[(*n)++] = *dev;
		return 0;
	}
	if (!valid_name(group, 63)) {
		ba_err("%s:%s: unusable IOMMU group name", dev->bus, dev->name);
		return -EINVAL;
	}
	d = xasprintf("kernel/iommu_groups/%s/devices", group);
	r = sysfs_list(sys, d, add_endpoint, &e);
	if (r < 0 && !e.err) {
		ba_err("%s/%s: %s", sys->root, d, strerror(-r));
		return r;
	}
	return e.err;
}

int iommu_group_of(const struct sysfs *sys, const struct ba_device *dev, char *group, size_t len)
{
	_cleanup_free_ char *p = xasprintf("%s/iommu_group", dev->devpath);

	return sysfs_link_name(sys, p, group, len);
}

struct group_ctx {
	const struct sysfs *sys;
	const char *group, *self;
	unsigned host_bound;
};

bool iommu_group_host_driver(const char *drv)
{
	/* Drivers that leave a group usable by VFIO. */
	return drv[0] && strncmp(drv, "vfio", 4) != 0 && strcmp(drv, "pci-stub") != 0 && strcmp(drv, "pcieport") != 0;
}

static int iommu_member(void *ud, const char *name)
{
	struct group_ctx *g = ud;
	char drv[256];
	_cleanup_free_ char *p = xasprintf("kernel/iommu_groups/%s/devices/%s/driver", g->group, name);

	if (!strcmp(name, g->self))
		return 0;
	if (sysfs_link_name(g->sys, p, drv, sizeof(drv)) < 0)
		drv[0] = '\0';
	if (iommu_group_host_driver(drv)) {
		ba_warn("IOMMU group %s: %s is still bound to host driver %s; the group is not usable by VFIO "
			"until every member is released",
			g->group, name, drv);
		g->host_bound++;
	}
	return 0;
}

void warn_group(const struct sysfs *sys, const struct ba_device *dev)
{
	char group[64];
	_cleanup_free_ char *d = NULL;
	struct group_ctx g = { .sys = sys, .group = group, .self = dev->name };

	if (iommu_group_of(sys, dev, group, sizeof(group)) < 0)
		return;
	d = xasprintf("kernel/iommu_groups/%s/devices", group);
	sysfs_list(sys, d, iommu_member, &g);
}
