// SPDX-License-Identifier: LGPL-2.1-or-later
/* busalias status: driver, driver_override, IOMMU group and VFIO candidate of devices, on libbusalias's public API. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd-device-options.h"
#include "cmd-status.h"

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

struct status_args {
	bool json, long_view;
	struct status_filter filter;
};

/* Parse argv with the device commands' one parser, --pci-ids applied to ctx; -1 to go on, or an exit status. */
static int parse(int argc, char **argv, struct ba_ctx *ctx, struct status_args *a)
{
	struct device_args d;
	int r = device_options_parse(&status_command, argc, argv, ctx, &d);

	if (r >= 0)
		return r;
	if (d.pci_ids && ba_ctx_set_option(ctx, "pci_ids", d.pci_ids) < 0)
		return BA_EXIT_USAGE;
	*a = (struct status_args){ .json = d.json, .long_view = d.long_view,
				   .filter = { .bus = d.bus, .class = d.class, .overridden = d.overridden } };
	return -1;
}

/* The devices argv names, or every device; 0, or an exit status for a failure to list them at all. */
static int find_devices(struct ba_ctx *ctx, int argc, char **argv, struct ba_device ***devs, size_t *n, int *ret)
{
	const char *root = ba_ctx_get_option(ctx, "sysfs_root");
	char *bus;
	struct stat st;
	int r, err;

	*devs = NULL;
	*n = 0;
	if (optind < argc) {
		*devs = calloc((size_t)(argc - optind), sizeof(**devs));
		if (!*devs)
			return BA_EXIT_FAILURE;
		for (int i = optind; i < argc; i++) {
			r = ba_device_new(ctx, argv[i], &(*devs)[*n]);
			if (r < 0)
				*ret = exit_status_from_errno(r);
			else
				(*n)++;
		}
		return 0;
	}
	/* Every sysfs has bus/: without it the root is wrong (or sysfs not mounted), not a machine without devices. */
	if (asprintf(&bus, "%s/bus", strcmp(root, "/") ? root : "") < 0)
		return BA_EXIT_FAILURE;
	err = stat(bus, &st) < 0 ? errno : S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
	if (err)
		cli_err(ctx, "%s: cannot list devices: %s", bus, strerror(err));
	free(bus);
	if (err)
		return BA_EXIT_FAILURE;
	r = ba_device_list(ctx, devs, n);
	return r < 0 ? exit_status_from_errno(r) : 0;
}

/*
 * status reads modules.alias only for the candidates: one that cannot be used is one warning for the
 * run (the candidates are then unknown) and exit status 3, not a failure of the status.  NULL then.
 */
static struct ba_aliasdb *open_aliases(struct ba_ctx *ctx, const char *file, const char *alternative)
{
	struct ba_aliasdb *db = NULL;
	struct stat st;
	int fd, err = 0;
	const char *why = NULL;

	if (alternative) {
		cli_warn(ctx, "%s: cannot read modules.alias: %s (nor %s); VFIO candidates unknown", file,
			 strerror(ENOENT), alternative);
		return NULL;
	}
	fd = open(file, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0 || fstat(fd, &st) < 0)
		err = errno;
	else if (S_ISDIR(st.st_mode))
		err = EISDIR;
	else if (!S_ISREG(st.st_mode))
		why = "not a regular file";
	if (fd >= 0)
		close(fd);
	if (err || why) {
		cli_warn(ctx, "%s: cannot read modules.alias: %s; VFIO candidates unknown", file, why ? why : strerror(err));
		return NULL;
	}
	/* Checked above: a failure now (logged) is a file replaced in between. */
	return ba_aliasdb_new(ctx, file, &db) < 0 ? NULL : db;
}

/* The best VFIO candidate of dev into out ("" for none).  A failed lookup would fail for every other
 * device: *db is dropped (NULL) then, and the candidates are unknown. */
static void vfio_candidate(struct ba_aliasdb **db, const struct ba_device *dev, char *out, size_t len)
{
	struct ba_match_list *list = NULL;

	out[0] = '\0';
	if (!*db || !ba_device_get_modalias(dev)[0])
		return;
	if (ba_aliasdb_match(*db, ba_device_get_match_alias(dev), 0, &list) < 0)
		*db = ba_aliasdb_unref(*db);
	else if (ba_match_list_get_count(list))
		snprintf(out, len, "%s", ba_match_list_get_module(list, 0));
	ba_match_list_unref(list);
}

/* A device handed to VFIO is only usable if its whole group is. */
static void warn_group(struct ba_ctx *ctx, const struct ba_device_status *st)
{
	if (strncmp(ba_device_status_get_driver(st), "vfio", 4) != 0)
		return;
	for (size_t i = 0; i < ba_device_status_get_group_member_count(st); i++) {
		const char *drv, *name = ba_device_status_get_group_member(st, i, &drv);
		if (ba_device_status_get_group_member_host_bound(st, i) == 1)
			cli_warn(ctx,
				 "IOMMU group %s: %s is still bound to host driver %s; the group is not usable by VFIO "
				 "until every member is released",
				 ba_device_status_get_iommu_group(st), name, drv);
	}
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

/* The group's members: "NAME (DRIVER), ..." or JSON objects. */
static void add_members(struct strbuf *sb, const struct ba_device_status *st, bool json)
{
	for (size_t i = 0; i < ba_device_status_get_group_member_count(st); i++) {
		const char *drv, *name = ba_device_status_get_group_member(st, i, &drv);
		if (json) {
			strbuf_adds(sb, i == 0 ? "{\"device\": " : ", {\"device\": ");
			strbuf_add_json_string(sb, name);
			strbuf_adds(sb, ", \"driver\": ");
			if (drv[0])
				strbuf_add_json_string(sb, drv);
			else
				strbuf_adds(sb, "null");
			strbuf_adds(sb, "}");
		} else {
			strbuf_addf(sb, "%s%s (%s)", i == 0 ? "" : ", ", name, drv[0] ? drv : "no driver");
		}
	}
}

static void status_json(struct strbuf *sb, const char *root, const struct ba_device *dev,
			const struct ba_device_status *st, const char *candidate, bool first)
{
	char *path = NULL;

	strbuf_adds(sb, first ? "  {" : ",\n  {");
	json_field(sb, "bus", ba_device_get_bus(dev), false);
	json_field(sb, "device", ba_device_get_name(dev), false);
	if (asprintf(&path, "%s/%s", strcmp(root, "/") ? root : "", ba_device_get_syspath(dev)) < 0)
		path = NULL;
	json_field(sb, "path", path, false);
	free(path);
	if (ba_device_get_via(dev))
		json_field(sb, "via", ba_device_get_via(dev), false);
	json_field(sb, "modalias", ba_device_get_modalias(dev), false);
	json_field(sb, "driver", ba_device_status_get_driver(st), false);
	json_field(sb, "driver_override", ba_device_status_get_driver_override(st), false);
	json_field(sb, "iommu_group", ba_device_status_get_iommu_group(st), false);
	strbuf_adds(sb, "\"iommu_group_members\": [");
	if (ba_device_status_get_iommu_group(st)[0])
		add_members(sb, st, true);
	strbuf_adds(sb, "], ");
	json_field(sb, "vfio_candidate", candidate, true);
	strbuf_adds(sb, "}");
}

static void status_long(struct strbuf *sb, const char *root, const struct ba_device *dev,
			const struct ba_device_status *st, const char *candidate)
{
	const char *modalias = ba_device_get_modalias(dev), *driver = ba_device_status_get_driver(st);
	const char *override = ba_device_status_get_driver_override(st), *group = ba_device_status_get_iommu_group(st);

	strbuf_addf(sb, "%s:%s\n", ba_device_get_bus(dev), ba_device_get_name(dev));
	if (ba_device_get_via(dev))
		strbuf_addf(sb, "  via:             %s\n", ba_device_get_via(dev));
	strbuf_addf(sb, "  path:            %s/%s\n", root, ba_device_get_syspath(dev));
	strbuf_addf(sb, "  modalias:        %s\n", modalias[0] ? modalias : "(none)");
	strbuf_addf(sb, "  driver:          %s\n", driver[0] ? driver : "(none)");
	strbuf_addf(sb, "  driver_override: %s\n", override[0] ? override : "(none)");
	if (group[0]) {
		strbuf_addf(sb, "  iommu_group:     %s: ", group);
		add_members(sb, st, false);
		strbuf_adds(sb, "\n");
	} else {
		strbuf_adds(sb, "  iommu_group:     (none)\n");
	}
	strbuf_addf(sb, "  vfio_candidate:  %s\n", candidate[0] ? candidate : "(none)");
}

int cmd_status(int argc, char **argv, struct ba_ctx *ctx)
{
	struct status_args a;
	struct ba_device **devs = NULL;
	struct ba_aliasdb *db = NULL;
	struct ba_pciids *ids = NULL;
	struct strbuf sb = { 0 };
	size_t n = 0;
	char *alias_path = NULL, *alias_alt = NULL;
	const char *root;
	bool need_aliases = false;
	int r = parse(argc, argv, ctx, &a), ret = BA_EXIT_OK;

	if (r >= 0)
		return r;
	if (status_filter_check(ctx, &a.filter) != 0)
		return BA_EXIT_USAGE;
	/* A bad --kernel is a usage error (reported), said once, before any output; a missing tree is said
	 * below, as a modules.alias that cannot be read, only if some device needs it. */
	if (ba_ctx_get_option(ctx, "alias_file"))
		alias_path = strdup(ba_ctx_get_option(ctx, "alias_file"));
	else if (ba_ctx_get_module_path(ctx, "modules.alias", &alias_path, &alias_alt) == -EINVAL)
		return BA_EXIT_USAGE;
	/* No usable plugin is a usage error, whatever the reason. */
	if (ba_ctx_load_plugins(ctx) < 0) {
		free(alias_path);
		free(alias_alt);
		return BA_EXIT_USAGE;
	}
	r = find_devices(ctx, argc, argv, &devs, &n, &ret);
	if (r > 0) {
		free(alias_path);
		free(alias_alt);
		return r;
	}
	status_filter_apply(&a.filter, devs, &n);
	/* modules.alias is checked once, and only if some device has a modalias to look up. */
	for (size_t i = 0; i < n; i++)
		need_aliases |= ba_device_get_modalias(devs[i])[0] != '\0';
	if (need_aliases && alias_path)
		db = open_aliases(ctx, alias_path, alias_alt);
	if (a.json)
		strbuf_adds(&sb, "[\n");
	if (!a.json && !a.long_view)
		ba_pciids_new(ctx, NULL, &ids);  /* none: no names (a named file that cannot be read is said) */
	root = ba_ctx_get_option(ctx, "sysfs_root");
	for (size_t i = 0; i < n; i++) {
		struct ba_device_status *st;
		char candidate[256];

		if (ba_device_get_status(devs[i], NULL, &st) < 0) {
			ret = BA_EXIT_FAILURE;
			continue;
		}
		warn_group(ctx, st);
		vfio_candidate(&db, devs[i], candidate, sizeof(candidate));
		if (a.json)
			status_json(&sb, root, devs[i], st, candidate, i == 0);
		else if (a.long_view)
			status_long(&sb, root, devs[i], st, candidate);
		else
			status_line(&sb, devs[i], st, candidate, ids);
		ba_device_status_unref(st);
	}
	/* Done, but the candidates are unknown: the warning said why. */
	if (need_aliases && !db && ret == BA_EXIT_OK)
		ret = BA_EXIT_PARTIAL;
	if (a.json)
		strbuf_adds(&sb, n ? "\n]\n" : "]\n");
	if ((sb.len && fwrite(sb.buf, 1, sb.len, stdout) != sb.len) || fflush(stdout) != 0) {
		cli_err(ctx, "standard output: %s", strerror(errno));
		ret = BA_EXIT_FAILURE;
	}
	strbuf_release(&sb);
	for (size_t i = 0; i < n; i++)
		ba_device_unref(devs[i]);
	free(devs);
	ba_pciids_unref(ids);
	ba_aliasdb_unref(db);
	free(alias_path);
	free(alias_alt);
	return ret;
}
