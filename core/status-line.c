// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * status's default view: one line per device, so twelve devices are twelve lines, with the filters an
 * admin looks for a device by (bus, PCI class, overridden).  --long and --json keep the full view.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "admin.h"

static bool hex_prefix(const char *s)
{
	if (!strncmp(s, "0x", 2) || !strncmp(s, "0X", 2))
		s += 2;
	return s[0] && strlen(s) <= 6 && strspn(s, "0123456789abcdefABCDEF") == strlen(s);
}

int status_filter_check(const struct status_filter *f)
{
	if (f->bus && (!valid_name(f->bus, 64) || strchr(f->bus, ':'))) {
		ba_err("--bus: invalid bus name '%s'", f->bus);
		return BA_EXIT_USAGE;
	}
	if (f->class && !hex_prefix(f->class)) {
		ba_err("--class: expected up to 6 hex digits (02, 0300, 0x020000), got '%s'", f->class);
		return BA_EXIT_USAGE;
	}
	return 0;
}

/* "02" matches class 0x02xxxx, "0300" 0x0300xx, "0x020000" only itself. */
static bool class_matches(long cls, const char *want)
{
	char have[24];

	if (cls < 0)
		return false;
	if (!strncmp(want, "0x", 2) || !strncmp(want, "0X", 2))
		want += 2;
	snprintf(have, sizeof(have), "%06lx", cls);
	return !strncasecmp(have, want, strlen(want));
}

static bool overridden(const struct sysfs *sys, const struct ba_device *dev)
{
	char ovr[256];
	_cleanup_free_ char *p = xasprintf("%s/driver_override", dev->devpath);

	return sysfs_read(sys, p, ovr, sizeof(ovr)) > 0 && strcmp(ovr, "(null)") != 0;
}

static bool passes(const struct sysfs *sys, const struct status_filter *f, const struct ba_device *dev)
{
	if (f->bus && strcmp(dev->bus, f->bus) != 0 && !(dev->via_plugin && !strcmp(dev->via_plugin->name, f->bus)))
		return false;
	if (f->class && (strcmp(dev->bus, "pci") != 0 || !class_matches(device_pci_class(sys, dev), f->class)))
		return false;
	return !f->overridden || overridden(sys, dev);
}

void status_filter_apply(const struct sysfs *sys, const struct status_filter *f, struct ba_device *devs, size_t *n)
{
	size_t k = 0;

	for (size_t i = 0; i < *n; i++)
		if (passes(sys, f, &devs[i]))
			devs[k++] = devs[i];
	*n = k;
	/*
	 * Of the devices left, one listed twice (an ACPI description, a PCI device's firmware_node
	 * companion, are their physical node) is shown once: as itself rather than through a description.
	 */
	k = 0;
	for (size_t i = 0; i < *n; i++) {
		bool keep = true;
		for (size_t j = 0; j < *n && keep; j++)
			if (j != i && !strcmp(devs[j].devpath, devs[i].devpath) &&
			    ((devs[i].via_plugin && !devs[j].via_plugin) ||
			     (!devs[i].via_plugin == !devs[j].via_plugin && j < i)))
				keep = false;
		if (keep)
			devs[k++] = devs[i];
	}
	*n = k;
}

void status_line(const struct ba_config *cfg, const struct sysfs *sys, const struct pci_ids *db,
		 const struct ba_device *dev, const char **alias_file, struct strbuf *sb)
{
	char driver[256] = "", override[256] = "", group[64] = "", candidate[256] = "", ids[16] = "-";
	char vname[256] = "", dname[256] = "";
	_cleanup_free_ char *dp = xasprintf("%s/driver", dev->devpath);
	_cleanup_free_ char *op = xasprintf("%s/driver_override", dev->devpath);
	unsigned vendor, device;

	sysfs_link_name(sys, dp, driver, sizeof(driver));
	if (sysfs_read(sys, op, override, sizeof(override)) < 0 || !strcmp(override, "(null)"))
		override[0] = '\0';
	iommu_group_of(sys, dev, group, sizeof(group));
	if (!strncmp(driver, "vfio", 4))
		warn_group(sys, dev);
	if (!strcmp(dev->bus, "pci") && sscanf(dev->modalias, "pci:v%8xd%8x", &vendor, &device) == 2 &&
	    vendor <= 0xffff && device <= 0xffff) {
		snprintf(ids, sizeof(ids), "%04x:%04x", vendor, device);
		pci_ids_lookup(db, vendor, device, vname, sizeof(vname), dname, sizeof(dname));
	}
	if (dev->modalias[0] && *alias_file) {
		struct alias_matches m;
		_cleanup_free_ char *alias = xasprintf("%s%s", device_match_prefix(dev, cfg), dev->modalias);
		if (alias_lookup(*alias_file, alias, false, &m) < 0)
			*alias_file = NULL;
		else if (m.n)
			snprintf(candidate, sizeof(candidate), "%s", m.v[0].module);
		alias_matches_release(&m);
	}
	strbuf_addf(sb, "%s:%s %s driver=%s override=%s group=%s best=%s", dev->bus, dev->name, ids,
		    driver[0] ? driver : "-", override[0] ? override : "-", group[0] ? group : "-",
		    candidate[0] ? candidate : "-");
	if (dev->via_plugin)
		strbuf_addf(sb, " via=%s:%s", dev->via_plugin->name, dev->via_name);
	if (vname[0])
		strbuf_addf(sb, " %s%s%s", vname, dname[0] ? " " : "", dname);
	strbuf_adds(sb, "\n");
}
