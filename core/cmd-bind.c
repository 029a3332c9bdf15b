// SPDX-License-Identifier: LGPL-2.1-or-later
/* busalias bind: move devices to a VFIO (or --driver) driver, all or nothing; and restore's half. */
#include <errno.h>
#include <getopt.h>
#include <string.h>
#include <unistd.h>

#include "cmd-device.h"

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

int bind_or_restore(const struct device_command *dc, bool bind, int argc, char **argv, struct ba_config *cfg)
{
	struct bind_args a;
	struct plugin_set set = { .lazy = true };  /* only the plugins that bind a bus */
	struct ba_device dev;
	struct sysfs sys;
	int lock = -1, r = device_command_parse(dc, argc, argv, cfg, &a);

	if (r >= 0)
		return r;
	/* Several devices, groups, persistence: all or nothing over the set (multibind.c). */
	if (optind + 1 != argc || a.x.group || a.x.persist)
		return bind_many(bind, &a.x, &a.o, argv + optind, argc - optind, cfg);
	sysfs_init_config(&sys, cfg, a.o.dry_run);
	if (load_plugins(&set, cfg) < 0)
		return BA_EXIT_USAGE;
	plugin_set_load_buses(&set);
	r = device_resolve(&set, &sys, argv[optind], &dev);
	if (r < 0) {
		plugin_set_free(&set);
		return exit_status_from_errno(r);
	}
	if (dev.via_plugin)
		ba_info("%s:%s is bound through its physical node %s:%s", dev.via_plugin->name, dev.via_name, dev.bus,
			dev.name);
	/* A dry run changes nothing, so it need not wait for anyone. */
	if (!a.o.dry_run) {
		lock = device_lock(cfg->lock_dir, dev.bus, dev.name, cfg->lock_timeout);
		if (lock == -ETIMEDOUT) {
			_cleanup_free_ char *path = device_lock_path(cfg->lock_dir, dev.bus, dev.name);
			ba_err("%s:%s: another process still holds %s after %g s (--lock-timeout); nothing was changed",
			       dev.bus, dev.name, path, cfg->lock_timeout);
			plugin_set_free(&set);
			return BA_EXIT_FAILURE;
		}
		if (lock < 0 && (lock == -EACCES || lock == -EPERM || lock == -EROFS) && geteuid() != 0) {
			ba_err("%s needs root: moving a device between drivers writes to sysfs (%s: %s)",
			       bind ? "bind" : "restore", cfg->lock_dir, strerror(-lock));
			plugin_set_free(&set);
			return BA_EXIT_FAILURE;
		}
		if (lock < 0) {
			ba_err("%s: cannot take the lock for %s:%s: %s", cfg->lock_dir, dev.bus, dev.name,
			       strerror(-lock));
			plugin_set_free(&set);
			return BA_EXIT_FAILURE;
		}
	}
	r = bind ? bind_device(cfg, &sys, &dev, &a.o) : restore_device(cfg, &sys, &dev, a.o.dry_run);
	if (!bind && r == BA_EXIT_OK)
		persist_warn_kept(cfg, &dev);
	if (lock >= 0)
		close(lock);
	plugin_set_free(&set);
	return r;
}

int cmd_bind(int argc, char **argv, struct ba_config *cfg)
{
	return bind_or_restore(&bind_command, true, argc, argv, cfg);
}
