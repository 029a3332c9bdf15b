// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * status's default view: one line per device, so twelve devices are twelve lines, with the filters an
 * admin looks for a device by (bus, PCI class, overridden).  --long and --json keep the full view.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cmd-status.h"

static bool hex_prefix(const char *s)
{
	if (!strncmp(s, "0x", 2) || !strncmp(s, "0X", 2))
		s += 2;
	return s[0] && strlen(s) <= 6 && strspn(s, "0123456789abcdefABCDEF") == strlen(s);
}

/* A bus name as sysfs has them: it becomes part of no path here, but is said back in messages. */
static bool bus_name(const char *s)
{
	size_t len = strnlen(s, 65);

	if (len == 0 || len > 64 || !strcmp(s, ".") || !strcmp(s, ".."))
		return false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p == '/' || *p == ':' || *p <= 0x20 || *p == 0x7f)
			return false;
	return true;
}

int status_filter_check(struct ba_ctx *ctx, const struct status_filter *f)
{
	if (f->bus && !bus_name(f->bus)) {
		cli_err(ctx, "--bus: invalid bus name '%s'", f->bus);
		return BA_EXIT_USAGE;
	}
	if (f->class && !hex_prefix(f->class)) {
		cli_err(ctx, "--class: expected up to 6 hex digits (02, 0300, 0x020000), got '%s'", f->class);
		return BA_EXIT_USAGE;
	}
	return 0;
}

/* "02" matches class 0x02xxxx, "0300" 0x0300xx, "0x020000" only itself. */
static bool class_matches(int cls, const char *want)
{
	char have[24];

	if (cls < 0)
		return false;
	if (!strncmp(want, "0x", 2) || !strncmp(want, "0X", 2))
		want += 2;
	snprintf(have, sizeof(have), "%06x", (unsigned)cls);
	return !strncasecmp(have, want, strlen(want));
}

static bool overridden(struct ba_device *dev)
{
	struct ba_device_status *st;
	bool yes;

	if (ba_device_get_status(dev, NULL, &st) < 0)
		return false;
	yes = ba_device_status_get_driver_override(st)[0] != '\0';
	ba_device_status_unref(st);
	return yes;
}

/* The plugin a device was named through (an ACPI description: "acpi" of "acpi:AMDI0010:00"). */
static bool via_plugin_is(const struct ba_device *dev, const char *plugin)
{
	const char *via = ba_device_get_via(dev);
	size_t len = strlen(plugin);

	return via && !strncmp(via, plugin, len) && via[len] == ':';
}

static bool passes(const struct status_filter *f, struct ba_device *dev)
{
	const char *bus = ba_device_get_bus(dev);

	if (f->bus && strcmp(bus, f->bus) != 0 && !via_plugin_is(dev, f->bus))
		return false;
	if (f->class && (strcmp(bus, "pci") != 0 || !class_matches(ba_device_get_pci_class(dev), f->class)))
		return false;
	return !f->overridden || overridden(dev);
}

/* Is devs[i] shown by another entry: the same device as itself rather than through a description, or
 * (both alike) the earlier one? */
static bool listed_again(struct ba_device *const *devs, size_t n, size_t i)
{
	bool via_i = ba_device_get_via(devs[i]) != NULL;

	for (size_t j = 0; j < n; j++) {
		bool via_j = ba_device_get_via(devs[j]) != NULL;
		if (j != i && !strcmp(ba_device_get_syspath(devs[j]), ba_device_get_syspath(devs[i])) &&
		    ((via_i && !via_j) || (via_i == via_j && j < i)))
			return true;
	}
	return false;
}

void status_filter_apply(const struct status_filter *f, struct ba_device **devs, size_t *n)
{
	size_t k = 0;
	bool *drop;

	for (size_t i = 0; i < *n; i++)
		if (passes(f, devs[i]))
			devs[k++] = devs[i];
		else
			ba_device_unref(devs[i]);
	*n = k;
	/*
	 * Of the devices left, one listed twice (an ACPI description, a PCI device's firmware_node
	 * companion, are their physical node) is shown once: as itself rather than through a description.
	 * Decided on the whole list first, then dropped.
	 */
	drop = calloc(*n ? *n : 1, sizeof(*drop));
	if (!drop)
		return;
	for (size_t i = 0; i < *n; i++)
		drop[i] = listed_again(devs, *n, i);
	k = 0;
	for (size_t i = 0; i < *n; i++)
		if (drop[i])
			ba_device_unref(devs[i]);
		else
			devs[k++] = devs[i];
	*n = k;
	free(drop);
}

void status_line(struct strbuf *sb, const struct ba_device *dev, const struct ba_device_status *st,
		 const char *candidate, const struct ba_pciids *ids)
{
	const char *driver = ba_device_status_get_driver(st), *override = ba_device_status_get_driver_override(st);
	const char *group = ba_device_status_get_iommu_group(st), *via = ba_device_get_via(dev);
	char pci[16] = "-", vname[256] = "", dname[256] = "";
	unsigned vendor, device;

	if (ba_device_get_pci_ids(dev, &vendor, &device) == 0) {
		snprintf(pci, sizeof(pci), "%04x:%04x", vendor, device);
		ba_pciids_lookup(ids, vendor, device, vname, sizeof(vname), dname, sizeof(dname));
	}
	strbuf_addf(sb, "%s:%s %s driver=%s override=%s group=%s best=%s", ba_device_get_bus(dev),
		    ba_device_get_name(dev), pci, driver[0] ? driver : "-", override[0] ? override : "-",
		    group[0] ? group : "-", candidate[0] ? candidate : "-");
	if (via)
		strbuf_addf(sb, " via=%s", via);
	if (vname[0])
		strbuf_addf(sb, " %s%s%s", vname, dname[0] ? " " : "", dname);
	strbuf_adds(sb, "\n");
}
