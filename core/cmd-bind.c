// SPDX-License-Identifier: LGPL-2.1-or-later
/* busalias bind: move devices to a VFIO (or --driver) driver, all or nothing; and restore's half.  On
 * libbusalias's public API: ba_devices_bind() and ba_devices_restore(). */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd-device-options.h"

static const struct device_command bind_command = {
	.name = "bind",
	.synopsis = "[OPTIONS] DEV...",
	.help =
		"Bind each DEV (a device or a network interface) to the best PREFIX match (or --driver),\n"
		"all or nothing: on any failure every device goes back to where it was.\n\n"
		"      --driver NAME      module (or driver) to bind instead of the best match;\n"
		"                         none: leave the device without a driver (undone by restore)\n"
		"      --group            every endpoint of each DEV's IOMMU group (bridges left alone)\n"
		"      --persist          also store the override, applied again at boot (udev, systemd)\n"
		"      --overrides-dir DIR  persisted overrides (default " BUSALIAS_OVERRIDES_DIR ")\n"
		"      --no-iommu-check   bind a VFIO driver even when the kernel has no IOMMU\n"
		"      --dry-run          print every write and command, change nothing\n"
		"      --force            take a device that is in use (network interface up)\n"
		"      --no-load          do not run modprobe\n"
		"      --modprobe PATH    modprobe to run (default /sbin/modprobe)\n"
		"      --lock-dir DIR     per-device locks (default /run/busalias)\n" LOCK_TIMEOUT_HELP MODULES_HELP SYSFS_HELP,
	.allowed =
		"driver dry-run force no-load modprobe lock-dir lock-timeout alias-file basedir kernel module-root prefix sysfs-root "
		"group persist overrides-dir no-iommu-check",
};

/* The devices a run moves: each DEV, or with --group each DEV's group.  0, or an exit status. */
static int devices_of(struct ba_ctx *ctx, const struct device_args *a, char **args, size_t n,
		      struct ba_device ***out, size_t *nd)
{
	struct ba_device **given = calloc(n, sizeof(*given));
	int ret = BA_EXIT_OK, r;

	*out = NULL;
	*nd = 0;
	if (!given)
		return BA_EXIT_FAILURE;
	for (size_t i = 0; i < n && ret == BA_EXIT_OK; i++) {
		r = ba_device_new(ctx, args[i], &given[i]);
		if (r < 0)
			ret = exit_status_from_errno(r);
		else if (ba_device_get_via(given[i]))
			cli_log(ctx, LOG_INFO, "%s is bound through its physical node %s:%s", ba_device_get_via(given[i]),
				ba_device_get_bus(given[i]), ba_device_get_name(given[i]));
	}
	if (ret != BA_EXIT_OK || !a->group) {
		*out = given;
		*nd = n;
		return ret;
	}
	/* The group's members replace each DEV (which is among them); ba_devices_bind() drops repeats. */
	for (size_t i = 0; i < n && ret == BA_EXIT_OK; i++) {
		struct ba_device **members, **v;
		size_t nm;

		if (ba_device_get_group_devices(given[i], &members, &nm) < 0) {
			ret = BA_EXIT_USAGE;
			break;
		}
		v = realloc(*out, (*nd + nm) * sizeof(**out));
		if (!v) {
			for (size_t k = 0; k < nm; k++)
				ba_device_unref(members[k]);
			free(members);
			ret = BA_EXIT_FAILURE;
			break;
		}
		*out = v;
		memcpy(*out + *nd, members, nm * sizeof(*members));
		*nd += nm;
		free(members);
	}
	for (size_t i = 0; i < n; i++)
		ba_device_unref(given[i]);
	free(given);
	return ret;
}

int cli_bind_or_restore(const struct device_command *dc, bool bind, int argc, char **argv, struct ba_ctx *ctx)
{
	struct device_args a;
	struct ba_device **devs = NULL;
	enum ba_bind_outcome outcome = BA_BIND_UNCHANGED;
	unsigned flags = 0;
	size_t nd = 0;
	int r = device_options_parse(dc, argc, argv, ctx, &a);

	if (r >= 0)
		return r;
	if (optind >= argc) {
		cli_err(ctx, "%s: give at least one DEV", dc->name);
		return BA_EXIT_USAGE;
	}
	if (ba_ctx_load_plugins(ctx) < 0)
		return BA_EXIT_USAGE;
	r = devices_of(ctx, &a, argv + optind, (size_t)(argc - optind), &devs, &nd);
	if (r == BA_EXIT_OK) {
		flags = (a.dry_run ? BA_BIND_DRY_RUN : 0) | (a.force ? BA_BIND_FORCE : 0) |
			(a.no_load ? BA_BIND_NO_LOAD : 0) | (a.no_iommu_check ? BA_BIND_NO_IOMMU_CHECK : 0) |
			(a.persist ? BA_BIND_PERSIST : 0);
		r = bind ? ba_devices_bind(ctx, devs, nd, a.driver, flags, &outcome)
			 : ba_devices_restore(ctx, devs, nd, flags, &outcome);
		r = cli_bind_exit_status(r, outcome);
	}
	for (size_t i = 0; i < nd; i++)
		ba_device_unref(devs[i]);
	free(devs);
	return r;
}

int cmd_bind(int argc, char **argv, struct ba_ctx *ctx)
{
	return cli_bind_or_restore(&bind_command, true, argc, argv, ctx);
}
