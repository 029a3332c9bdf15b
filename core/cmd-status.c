// SPDX-License-Identifier: LGPL-2.1-or-later
/* busalias status: driver, driver_override, IOMMU group and VFIO candidate of devices. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd-device.h"

static const struct device_command status_command = {
	.name = "status",
	.synopsis = "[OPTIONS] [DEV...]",
	.help =
		"Show bus, driver, driver_override, IOMMU group and best VFIO candidate of devices\n"
		"(default: every device of every plugin's bus), one line per device.\n\n"
		"      --long             several lines per device, with the group's members\n"
		"      --json             machine-readable output\n"
		"      --bus BUS          only devices of BUS\n"
		"      --class HEX        only PCI devices whose class starts with HEX (02: network, 0300: VGA)\n"
		"      --overridden       only devices with a driver_override\n"
		"      --pci-ids FILE     vendor and device names from FILE (none: no names)\n" MODULES_HELP SYSFS_HELP,
	.allowed =
		"json alias-file basedir kernel module-root prefix sysfs-root long bus class overridden pci-ids",
};

struct members {
	const struct sysfs *sys;
	const char *group;
	struct strbuf *sb;
	bool json, first;
};

static int add_member(void *ud, const char *name)
{
	struct members *m = ud;
	char drv[256] = "";
	_cleanup_free_ char *p = xasprintf("kernel/iommu_groups/%s/devices/%s/driver", m->group, name);

	sysfs_link_name(m->sys, p, drv, sizeof(drv));
	if (m->json) {
		strbuf_adds(m->sb, m->first ? "{\"device\": " : ", {\"device\": ");
		strbuf_add_json_string(m->sb, name);
		strbuf_adds(m->sb, ", \"driver\": ");
		if (drv[0])
			strbuf_add_json_string(m->sb, drv);
		else
			strbuf_adds(m->sb, "null");
		strbuf_adds(m->sb, "}");
	} else {
		strbuf_addf(m->sb, "%s%s (%s)", m->first ? "" : ", ", name, drv[0] ? drv : "no driver");
	}
	m->first = false;
	return 0;
}

static void json_field(struct strbuf *sb, const char *key, const char *val, bool last)
{
	strbuf_addf(sb, "\"%s\": ", key);
	if (val && val[0])
		strbuf_add_json_string(sb, val);
	else
		strbuf_adds(sb, "null");
	strbuf_adds(sb, last ? "" : ", ");
}

/*
 * status reads modules.alias only for the candidates: one that cannot be used is one warning for the
 * run (the candidates are then unknown) and exit status 3, not a failure of the status.
 */
static bool alias_file_usable(const char *file)
{
	struct stat st;
	int fd = open(file, O_RDONLY | O_CLOEXEC | O_NONBLOCK), err = 0;
	const char *why = NULL;

	if (fd < 0 || fstat(fd, &st) < 0)
		err = errno;
	else if (S_ISDIR(st.st_mode))
		err = EISDIR;
	else if (!S_ISREG(st.st_mode))
		why = "not a regular file";
	if (fd >= 0)
		close(fd);
	if (!err && !why)
		return true;
	ba_warn("%s: cannot read modules.alias: %s; VFIO candidates unknown", file, why ? why : strerror(err));
	return false;
}

/* alias_file: NULL if it cannot be used (set to NULL here if a lookup fails after all). */
static void status_one(const struct ba_config *cfg, const struct sysfs *sys, const struct ba_device *dev, bool json,
		       bool first, const char **alias_file, struct strbuf *sb)
{
	char driver[256] = "", override[256] = "", group[64] = "", candidate[256] = "";
	_cleanup_free_ char *dp = xasprintf("%s/driver", dev->devpath);
	_cleanup_free_ char *op = xasprintf("%s/driver_override", dev->devpath);
	struct strbuf members = { 0 };

	sysfs_link_name(sys, dp, driver, sizeof(driver));
	if (sysfs_read(sys, op, override, sizeof(override)) < 0 || !strcmp(override, "(null)"))
		override[0] = '\0';
	if (iommu_group_of(sys, dev, group, sizeof(group)) == 0) {
		_cleanup_free_ char *gd = xasprintf("kernel/iommu_groups/%s/devices", group);
		struct members m = { .sys = sys, .group = group, .sb = &members, .json = json, .first = true };
		sysfs_list(sys, gd, add_member, &m);
	}
	strbuf_add(&members, "", 0);
	/* A device handed to VFIO is only usable if its whole group is. */
	if (!strncmp(driver, "vfio", 4))
		warn_group(sys, dev);
	if (dev->modalias[0] && *alias_file) {
		struct alias_matches m;
		_cleanup_free_ char *alias = xasprintf("%s%s", device_match_prefix(dev, cfg), dev->modalias);
		/* A failure here (reported by alias_lookup) would be the same for every other device. */
		if (alias_lookup(*alias_file, alias, false, &m) < 0)
			*alias_file = NULL;
		else if (m.n)
			snprintf(candidate, sizeof(candidate), "%s", m.v[0].module);
		alias_matches_release(&m);
	}
	if (json) {
		strbuf_adds(sb, first ? "  {" : ",\n  {");
		json_field(sb, "bus", dev->bus, false);
		json_field(sb, "device", dev->name, false);
		_cleanup_free_ char *abs = xasprintf("%s/%s", strcmp(sys->root, "/") ? sys->root : "", dev->devpath);
		json_field(sb, "path", abs, false);
		if (dev->via_plugin) {
			_cleanup_free_ char *via = xasprintf("%s:%s", dev->via_plugin->name, dev->via_name);
			json_field(sb, "via", via, false);
		}
		json_field(sb, "modalias", dev->modalias, false);
		json_field(sb, "driver", driver, false);
		json_field(sb, "driver_override", override, false);
		json_field(sb, "iommu_group", group, false);
		strbuf_addf(sb, "\"iommu_group_members\": [%s], ", members.buf);
		json_field(sb, "vfio_candidate", candidate, true);
		strbuf_adds(sb, "}");
	} else {
		strbuf_addf(sb, "%s:%s\n", dev->bus, dev->name);
		if (dev->via_plugin)
			strbuf_addf(sb, "  via:             %s:%s\n", dev->via_plugin->name, dev->via_name);
		strbuf_addf(sb, "  path:            %s/%s\n", sys->root, dev->devpath);
		strbuf_addf(sb, "  modalias:        %s\n", dev->modalias[0] ? dev->modalias : "(none)");
		strbuf_addf(sb, "  driver:          %s\n", driver[0] ? driver : "(none)");
		strbuf_addf(sb, "  driver_override: %s\n", override[0] ? override : "(none)");
		if (group[0])
			strbuf_addf(sb, "  iommu_group:     %s: %s\n", group, members.buf);
		else
			strbuf_adds(sb, "  iommu_group:     (none)\n");
		strbuf_addf(sb, "  vfio_candidate:  %s\n", candidate[0] ? candidate : "(none)");
	}
	strbuf_release(&members);
}

int cmd_status(int argc, char **argv, struct ba_config *cfg)
{
	struct bind_args a;
	struct plugin_set set = { .lazy = true };  /* only the plugins that bind a bus */
	struct sysfs sys;
	struct ba_device *devs = NULL;
	struct strbuf sb = { 0 };
	size_t n = 0;
	_cleanup_free_ char *alias_path = NULL, *alias_alt = NULL;
	const char *alias_file = NULL;
	int r = device_command_parse(&status_command, argc, argv, cfg, &a), ret = BA_EXIT_OK;
	struct status_filter filter;
	struct pci_ids *pci_ids = NULL;

	if (r >= 0)
		return r;
	filter = (struct status_filter){ .bus = a.x.bus, .class = a.x.class, .overridden = a.x.overridden };
	if (status_filter_check(&filter) != 0)
		return BA_EXIT_USAGE;
	/* A bad --kernel is a usage error (reported), said once, before any output; a missing tree is said
	 * below, as a modules.alias that cannot be read, only if some device needs it. */
	if (config_alias_path(cfg, &alias_path, &alias_alt) == -EINVAL)
		return BA_EXIT_USAGE;
	sysfs_init_config(&sys, cfg, false);
	if (load_plugins(&set, cfg) < 0)
		return BA_EXIT_USAGE;
	plugin_set_load_buses(&set);
	if (optind < argc) {
		devs = xcalloc((size_t)(argc - optind), sizeof(*devs));
		for (int i = optind; i < argc; i++) {
			r = device_resolve(&set, &sys, argv[i], &devs[n]);
			if (r < 0)
				ret = exit_status_from_errno(r);
			else
				n++;
		}
	} else {
		/* Every sysfs has bus/: without it the root is wrong (or sysfs not mounted), not a machine without devices. */
		_cleanup_free_ char *bus = xasprintf("%s/bus", strcmp(sys.root, "/") ? sys.root : "");
		struct stat st;
		int err = stat(bus, &st) < 0 ? errno : S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
		if (err) {
			ba_err("%s: cannot list devices: %s", bus, strerror(err));
			plugin_set_free(&set);
			return BA_EXIT_FAILURE;
		}
		device_list_all(&set, &sys, &devs, &n);
	}
	status_filter_apply(&sys, &filter, devs, &n);
	/* modules.alias is checked once, and only if some device has a modalias to look up. */
	bool need_aliases = false;
	for (size_t i = 0; i < n; i++)
		need_aliases |= devs[i].modalias[0] != '\0';
	if (need_aliases && alias_alt)
		ba_warn("%s: cannot read modules.alias: %s (nor %s); VFIO candidates unknown", alias_path,
			strerror(ENOENT), alias_alt);
	else if (need_aliases && alias_file_usable(alias_path))
		alias_file = alias_path;
	if (a.json)
		strbuf_adds(&sb, "[\n");
	if (!a.json && !a.x.long_view)
		pci_ids = pci_ids_open(cfg->pci_ids);
	for (size_t i = 0; i < n; i++)
		if (!a.json && !a.x.long_view)
			status_line(cfg, &sys, pci_ids, &devs[i], &alias_file, &sb);
		else
			status_one(cfg, &sys, &devs[i], a.json, i == 0, &alias_file, &sb);
	pci_ids_free(pci_ids);
	/* Done, but the candidates are unknown: the warning said why. */
	if (need_aliases && !alias_file && ret == BA_EXIT_OK)
		ret = BA_EXIT_PARTIAL;
	if (a.json)
		strbuf_adds(&sb, n ? "\n]\n" : "]\n");
	if ((sb.len && fwrite(sb.buf, 1, sb.len, stdout) != sb.len) || fflush(stdout) != 0) {
		ba_err("standard output: %s", strerror(errno));
		ret = BA_EXIT_FAILURE;
	}
	strbuf_release(&sb);
	free(devs);
	plugin_set_free(&set);
	return ret;
}

