// SPDX-License-Identifier: LGPL-2.1-or-later
/* The pci bus: address syntax, and "is this a NIC whose interface is up". */
#include <ctype.h>
#include <stdlib.h>

#include "pci-bus.h"

/* [DOMAIN:]BUS:SLOT.FN, hex; the kernel names devices "%04x:%02x:%02x.%d". */
static int pci_parse_device(const char *arg, char *name, size_t len)
{
	unsigned long dom = 0, bus, slot, fn;
	const char *p = arg;
	char *end;
	int colons = 0;

	for (const char *q = arg; *q; q++) {
		if (*q == ':')
			colons++;
		else if (*q != '.' && !isxdigit((unsigned char)*q))
			return -EINVAL;
	}
	if (colons == 2) {
		dom = strtoul(p, &end, 16);
		if (end == p || end - p > 8 || *end != ':')
			return -EINVAL;
		p = end + 1;
	} else if (colons != 1) {
		return -EINVAL;
	}
	bus = strtoul(p, &end, 16);
	if (end == p || end - p > 2 || *end != ':')
		return -EINVAL;
	p = end + 1;
	slot = strtoul(p, &end, 16);
	if (end == p || end - p > 2 || *end != '.' || slot > 0x1f)
		return -EINVAL;
	p = end + 1;
	fn = strtoul(p, &end, 16);
	if (end == p || *end || fn > 7)
		return -EINVAL;
	if ((size_t)snprintf(name, len, "%04lx:%02lx:%02lx.%lu", dom, bus, slot, fn) >= len)
		return -ENAMETOOLONG;
	return 0;
}

struct busy_ctx {
	const struct ba_sysfs *sys;
	const char *devpath;
	char *why;
	size_t len;
	int busy;
};

static int check_iface(void *ud, const char *ifname)
{
	struct busy_ctx *c = ud;
	char path[512], flags[32];

	snprintf(path, sizeof(path), "%s/net/%s/flags", c->devpath, ifname);
	if (c->sys->read(c->sys, path, flags, sizeof(flags)) < 0)
		return 0;
	/* IFF_UP: the administrator brought it up, so someone is using it. */
	if (strtoul(flags, NULL, 0) & 0x1) {
		snprintf(c->why, c->len, "network interface %s is up", ifname);
		c->busy = 1;
		return 1;
	}
	return 0;
}

static int pci_busy(const struct ba_sysfs *sys, const char *devpath, char *why, size_t len)
{
	struct busy_ctx c = { .sys = sys, .devpath = devpath, .why = why, .len = len };
	char dir[512];
	int r;

	snprintf(dir, sizeof(dir), "%s/net", devpath);
	r = sys->list(sys, dir, check_iface, &c);
	if (r < 0 && r != -ENOENT)
		return r;
	return c.busy;
}

const struct ba_bus_ops pci_bus_ops = BA_BUS_OPS(
	.sysfs_bus = "pci",
	.match_prefix = "vfio_",
	.parse_device = pci_parse_device,
	.busy = pci_busy);
